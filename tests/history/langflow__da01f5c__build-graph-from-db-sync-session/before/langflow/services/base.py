# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/base.py, at efe64073246a3884abefae72ac3e78b14aa2695d (parent of fix da01f5c723fe6466be01f3a34400b5bc06a6f4b7).
from abc import ABC


class Service(ABC):
    name: str
    ready: bool = False

    async def teardown(self) -> None:
        return

    def set_ready(self) -> None:
        self.ready = True
