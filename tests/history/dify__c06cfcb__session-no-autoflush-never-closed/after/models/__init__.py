# Reduced from langgenius/dify, api/models/__init__.py at c06cfcbb5add7f059398179a70f87d359bb95e9c (the fix)
from .engine import db
from .tools import (
    ToolOAuthSystemClient,
    ToolOAuthTenantClient,
)

__all__ = [
    "ToolOAuthSystemClient",
    "ToolOAuthTenantClient",
    "db",
]
