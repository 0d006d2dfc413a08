# Reduced from langflow-ai/langflow, src/backend/base/langflow/api/v1/chat.py, at efe64073246a3884abefae72ac3e78b14aa2695d (parent of fix da01f5c723fe6466be01f3a34400b5bc06a6f4b7).
from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from fastapi import APIRouter, HTTPException
from loguru import logger
from pydantic import BaseModel

from langflow.api.utils import (
    CurrentActiveUser,
    DbSession,
    build_graph_from_db,
)
from langflow.services.cache.utils import CacheMiss
from langflow.services.deps import get_chat_service, get_session

if TYPE_CHECKING:
    from langflow.graph.graph.base import Graph

router = APIRouter(tags=["Chat"])


class VerticesOrderResponse(BaseModel):
    ids: list[str]
    run_id: uuid.UUID | None = None


@router.post("/build/{flow_id}/vertices")
async def retrieve_vertices_order(
    *,
    flow_id: uuid.UUID,
    stop_component_id: str | None = None,
    start_component_id: str | None = None,
    session: DbSession,
) -> VerticesOrderResponse:
    """Retrieve the vertices order for a given flow.

    Args:
        flow_id (str): The ID of the flow.
        stop_component_id (str, optional): The ID of the stop component. Defaults to None.
        start_component_id (str, optional): The ID of the start component. Defaults to None.
        session (Session, optional): The session dependency. Defaults to Depends(get_session).

    Returns:
        VerticesOrderResponse: The response containing the ordered vertex IDs and the run ID.
    """
    chat_service = get_chat_service()
    try:
        flow_id_str = str(flow_id)
        graph = await build_graph_from_db(flow_id=flow_id_str, session=session, chat_service=chat_service)
        graph = graph.prepare(stop_component_id, start_component_id)
        await chat_service.set_cache(str(flow_id), graph)
        return VerticesOrderResponse(ids=graph.first_layer, run_id=graph.run_id)
    except Exception as exc:
        logger.exception("Error checking build status")
        raise HTTPException(status_code=500, detail=str(exc)) from exc


@router.post("/build/{flow_id}/vertices/{vertex_id}")
async def build_vertex(
    *,
    flow_id: uuid.UUID,
    vertex_id: str,
    current_user: CurrentActiveUser,
) -> dict:
    """Build a vertex instead of the entire graph."""
    chat_service = get_chat_service()
    flow_id_str = str(flow_id)
    cache = await chat_service.get_cache(flow_id_str)
    if isinstance(cache, CacheMiss) or cache is None:
        # If there's no cache
        logger.warning(f"No cache found for {flow_id_str}. Building graph starting at {vertex_id}")
        graph: Graph = await build_graph_from_db(
            flow_id=flow_id_str, session=next(get_session()), chat_service=chat_service
        )
    else:
        graph = cache.get("result")
        await graph.initialize_run()
    vertex = graph.get_vertex(vertex_id)
    return {"id": vertex["id"], "user_id": str(current_user.id)}
