# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/chat/service.py, at efe64073246a3884abefae72ac3e78b14aa2695d (parent of fix da01f5c723fe6466be01f3a34400b5bc06a6f4b7).
from typing import Any

from langflow.services.base import Service


class ChatService(Service):
    name = "chat_service"

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    async def set_cache(self, key: str, data: Any) -> bool:
        self._cache[key] = data
        return True

    async def get_cache(self, key: str) -> Any:
        return self._cache.get(key)
