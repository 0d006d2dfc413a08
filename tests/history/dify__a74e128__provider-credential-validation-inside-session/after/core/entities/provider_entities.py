# Reduced from langgenius/dify, api/core/entities/provider_entities.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
from typing import Any

from pydantic import BaseModel


class SystemConfiguration(BaseModel):
    """
    Model class for provider system configuration.
    (reduced: the quota configurations are cut)
    """

    enabled: bool
    credentials: dict[str, Any] | None = None


class CustomProviderConfiguration(BaseModel):
    """
    Model class for provider custom configuration.
    """

    credentials: dict
    current_credential_id: str | None = None
    current_credential_name: str | None = None


class CustomConfiguration(BaseModel):
    """
    Model class for provider custom configuration.
    (reduced: the custom model configurations are cut)
    """

    provider: CustomProviderConfiguration | None = None
