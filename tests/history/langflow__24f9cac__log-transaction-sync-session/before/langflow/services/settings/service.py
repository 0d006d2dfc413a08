# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/settings/service.py, at ba9dea55477a8964843e9f36be77631f830c5637 (parent of fix 24f9cac9b59711fa365eac9e6525b96a2ceb67f3).
from pydantic import BaseModel

from langflow.services.base import Service


class Settings(BaseModel):
    transactions_storage_enabled: bool = True
    vertex_builds_storage_enabled: bool = True


class SettingsService(Service):
    name = "settings_service"

    def __init__(self) -> None:
        self.settings = Settings()
