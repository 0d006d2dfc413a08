# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/base.py, at 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e (the fix).
from abc import ABC


class Service(ABC):
    name: str
    ready: bool = False

    async def teardown(self) -> None:
        return

    def set_ready(self) -> None:
        self.ready = True
