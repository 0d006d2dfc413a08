# From langflow-ai/langflow, tests/test_database.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from langflow.services.database.utils import session_getter
from langflow.services.getters import get_db_manager  # DBS002
import orjson

from sqlmodel import Session

from fastapi.testclient import TestClient

from langflow.api.v1.schemas import FlowListCreate
from langflow.services.database.models.flow import Flow, FlowCreate


def test_download_file(
    client: TestClient,
    session: Session,
    json_flow,
    active_user,
    logged_in_headers,
):
    flow = orjson.loads(json_flow)
    data = flow["data"]
    # Create test data
    flow_list = FlowListCreate(
        flows=[
            FlowCreate(name="Flow 1", description="description", data=data),
            FlowCreate(name="Flow 2", description="description", data=data),
        ]
    )
    db_manager = get_db_manager()
    with session_getter(db_manager) as session:
        for flow in flow_list.flows:
            flow.user_id = active_user.id
            db_flow = Flow.from_orm(flow)
            session.add(db_flow)
        session.commit()
    # Make request to endpoint
    response = client.get("api/v1/flows/download/", headers=logged_in_headers)
    # Check response status code
    assert response.status_code == 200, response.json()
    # Check response data
    response_data = response.json()["flows"]
    assert len(response_data) == 2, response_data
    assert response_data[0]["name"] == "Flow 1"
    assert response_data[0]["description"] == "description"
    assert response_data[0]["data"] == data
