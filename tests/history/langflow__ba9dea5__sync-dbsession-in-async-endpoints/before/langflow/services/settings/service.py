# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/settings/service.py, at 44a3e7643aa83f697c4d4613b9ba94215ed43dc7 (parent of fix ba9dea55477a8964843e9f36be77631f830c5637).
from pydantic import BaseModel

from langflow.services.base import Service


class Settings(BaseModel):
    transactions_storage_enabled: bool = True
    vertex_builds_storage_enabled: bool = True


class SettingsService(Service):
    name = "settings_service"

    def __init__(self) -> None:
        self.settings = Settings()
