# Reduced from langgenius/dify, api/core/entities/provider_entities.py at eaddd4a132dee27d5277a3b8160b3edf7eda8b2f (parent of fix a74e12809bc05113fb28737118fb5f97dfc23982)
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
