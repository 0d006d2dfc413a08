# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/chat/service.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
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
