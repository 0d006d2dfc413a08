# From langflow-ai/langflow, src/backend/langflow/services/schema.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from enum import Enum


class ServiceType(str, Enum):
    """
    Enum for the different types of services that can be
    registered with the service manager.
    """

    AUTH_SERVICE = "auth_service"
    CACHE_SERVICE = "cache_service"
    SETTINGS_SERVICE = "settings_service"
    DATABASE_SERVICE = "database_service"
    CHAT_SERVICE = "chat_service"
    SESSION_SERVICE = "session_service"
    TASK_SERVICE = "task_service"
