# Reduced from langgenius/dify, api/core/entities/application_entities.py at 8b1e35d7dc1fac8d930117ab773d3645110a54f0 (parent of fix f073dca22aac94cb48c509c32f999ca880338a94)
from typing import Any, Optional

from pydantic import BaseModel


class ModelConfigEntity(BaseModel):
    """
    Model Config Entity.
    """
    provider: str
    model: str
    mode: str
    provider_model_bundle: Any
    credentials: dict[str, Any] = {}
    parameters: dict[str, Any] = {}
    stop: list[str] = []


class AppOrchestrationConfigEntity(BaseModel):
    """
    App Orchestration Config Entity.
    """
    model_config: ModelConfigEntity
    prompt_template: Any


class ApplicationGenerateEntity(BaseModel):
    """
    Application Generate Entity.
    """
    task_id: str
    tenant_id: str

    app_id: str
    app_model_config_id: str

    # Converted from app_model_config to Entity object, or directly covered by external input
    app_orchestration_config_entity: AppOrchestrationConfigEntity

    conversation_id: Optional[str] = None
    inputs: dict[str, str]
    query: Optional[str] = None
    files: list = []
    user_id: str
    # extras
    stream: bool
