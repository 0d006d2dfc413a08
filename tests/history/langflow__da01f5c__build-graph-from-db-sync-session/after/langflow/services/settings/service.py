# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/settings/service.py, at da01f5c723fe6466be01f3a34400b5bc06a6f4b7 (the fix).
from pydantic import BaseModel

from langflow.services.base import Service


class Settings(BaseModel):
    transactions_storage_enabled: bool = True
    vertex_builds_storage_enabled: bool = True


class SettingsService(Service):
    name = "settings_service"

    def __init__(self) -> None:
        self.settings = Settings()
