# From langflow-ai/langflow, src/backend/langflow/services/getters.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from langflow.services import ServiceType, service_manager
from typing import TYPE_CHECKING, Generator


if TYPE_CHECKING:
    from langflow.services.database.manager import DatabaseService
    from sqlmodel import Session


def get_settings_service():
    try:
        return service_manager.get(ServiceType.SETTINGS_SERVICE)
    except ValueError:
        # initialize settings service
        from langflow.services.manager import initialize_settings_service

        initialize_settings_service()
        return service_manager.get(ServiceType.SETTINGS_SERVICE)


def get_db_service() -> "DatabaseService":
    return service_manager.get(ServiceType.DATABASE_SERVICE)


def get_session() -> Generator["Session", None, None]:
    db_service = service_manager.get(ServiceType.DATABASE_SERVICE)
    yield from db_service.get_session()


def get_cache_service():
    return service_manager.get(ServiceType.CACHE_SERVICE)


def get_session_service():
    return service_manager.get(ServiceType.SESSION_SERVICE)


def get_task_service():
    return service_manager.get(ServiceType.TASK_SERVICE)


def get_chat_service():
    return service_manager.get(ServiceType.CHAT_SERVICE)
