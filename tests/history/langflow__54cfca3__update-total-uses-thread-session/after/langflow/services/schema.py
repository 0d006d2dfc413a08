# Reduced from langflow-ai/langflow, src/backend/langflow/services/schema.py, at 54cfca3dd6c990d0d1eebc01689366f82b9ebb87 (the fix).
from enum import Enum


class ServiceType(str, Enum):
    """
    Enum for the different types of services that can be
    registered with the service manager.
    """

    DATABASE_MANAGER = "database_manager"
