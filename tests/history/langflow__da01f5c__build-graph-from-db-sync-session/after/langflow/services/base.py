# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/base.py, at da01f5c723fe6466be01f3a34400b5bc06a6f4b7 (the fix).
from abc import ABC


class Service(ABC):
    name: str
    ready: bool = False

    async def teardown(self) -> None:
        return

    def set_ready(self) -> None:
        self.ready = True
