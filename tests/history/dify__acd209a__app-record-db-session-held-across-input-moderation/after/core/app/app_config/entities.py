# Reduced from langgenius/dify, api/core/app/app_config/entities.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from typing import Any, Optional

from pydantic import BaseModel, Field


class SensitiveWordAvoidanceEntity(BaseModel):
    """
    Sensitive Word Avoidance Entity.
    """

    type: str
    config: dict[str, Any] = Field(default_factory=dict)


class AppConfig(BaseModel):
    """
    Application Config Entity.
    """

    tenant_id: str
    app_id: str
    app_mode: str
    # (reduced: additional_features and variables are cut)
    sensitive_word_avoidance: Optional[SensitiveWordAvoidanceEntity] = None


class WorkflowUIBasedAppConfig(AppConfig):
    """
    Workflow UI Based App Config Entity.
    """

    workflow_id: str
