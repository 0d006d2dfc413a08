# Reduced from langflow-ai/langflow, src/backend/langflow/interface/custom/custom_component.py, at b64d43fe22e245ba27935315a6320d8ae3088340 (parent of fix 4307c24c6df62e944326cf42fc6dd576b271c861).
from typing import Callable, Optional
from langflow.interface.custom.component import Component

from uuid import UUID
from langflow.database.base import get_session
from langflow.database.models.flow import Flow


class CustomComponent(Component):
    code: Optional[str]
    field_config: dict = {}
    code_class_base_inheritance = "CustomComponent"
    function_entrypoint_name = "build"
    function: Optional[Callable] = None

    def __init__(self, **data):
        super().__init__(**data)

    def load_flow(self, flow_id: UUID = None):
        from langflow.processing.process import build_sorted_vertices_with_caching

        session = next(get_session())  # DBS016
        data_graph = flow.data if (flow := session.get(Flow, flow_id)) else None
        if not data_graph:
            raise ValueError(f"Flow {flow_id} not found")
        return build_sorted_vertices_with_caching(data_graph)

    def build(self):
        raise NotImplementedError
