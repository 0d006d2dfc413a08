# Reduced from langflow-ai/langflow, src/backend/langflow/interface/custom/custom_component.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
from typing import Callable, Optional
from langflow.interface.custom.component import Component

from uuid import UUID
from langflow.database.base import session_getter
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

        with session_getter() as session:
            data_graph = flow.data if (flow := session.get(Flow, flow_id)) else None
        if not data_graph:
            raise ValueError(f"Flow {flow_id} not found")
        return build_sorted_vertices_with_caching(data_graph)

    def build(self):
        raise NotImplementedError
