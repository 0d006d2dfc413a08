# Reduced from langgenius/dify, api/models/enums.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
from enum import StrEnum


class CredentialSourceType(StrEnum):
    """Load balancing credential source type"""

    PROVIDER = "provider"
    CUSTOM_MODEL = "custom_model"
