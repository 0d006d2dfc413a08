# Reduced from langflow-ai/langflow, src/backend/base/langflow/graph/graph/base.py, at efe64073246a3884abefae72ac3e78b14aa2695d (parent of fix da01f5c723fe6466be01f3a34400b5bc06a6f4b7).
from __future__ import annotations

import uuid
from typing import Any


class Graph:
    """A flow's graph of vertices (reduced: building and running vertices is cut)."""

    def __init__(self, flow_id: str | None = None, flow_name: str | None = None, user_id: str | None = None) -> None:
        self.flow_id = flow_id
        self.flow_name = flow_name
        self.user_id = user_id
        self.vertices: list[Any] = []
        self.first_layer: list[str] = []
        self.run_id: uuid.UUID | None = None

    @classmethod
    def from_payload(cls, payload: dict, flow_id: str | None = None, **kwargs: Any) -> Graph:
        graph = cls(flow_id=flow_id, **kwargs)
        graph.vertices = list(payload.get("nodes", []))
        graph.first_layer = [node["id"] for node in graph.vertices]
        return graph

    def set_run_id(self, run_id: uuid.UUID) -> None:
        self.run_id = run_id

    async def initialize_run(self) -> None:
        return

    def prepare(self, stop_component_id: str | None = None, start_component_id: str | None = None) -> Graph:
        return self

    def get_vertex(self, vertex_id: str) -> Any:
        return next(vertex for vertex in self.vertices if vertex["id"] == vertex_id)
