# From langflow-ai/langflow, src/backend/langflow/services/getters.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from langflow.services import ServiceType, service_manager
from typing import TYPE_CHECKING, Generator


if TYPE_CHECKING:
    from langflow.services.database.manager import DatabaseService
    from sqlmodel import Session


def get_settings_service():
    try:
        return service_manager.get(ServiceType.SETTINGS_MANAGER)
    except ValueError:
        # initialize settings service
        from langflow.services.manager import initialize_settings_service

        initialize_settings_service()
        return service_manager.get(ServiceType.SETTINGS_MANAGER)


def get_db_service() -> "DatabaseService":
    return service_manager.get(ServiceType.DATABASE_MANAGER)


def get_session() -> Generator["Session", None, None]:
    db_service = service_manager.get(ServiceType.DATABASE_MANAGER)
    yield from db_service.get_session()


def get_cache_service():
    return service_manager.get(ServiceType.CACHE_MANAGER)


def get_session_service():
    return service_manager.get(ServiceType.SESSION_MANAGER)


def get_task_service():
    return service_manager.get(ServiceType.TASK_MANAGER)


def get_chat_service():
    return service_manager.get(ServiceType.CHAT_MANAGER)


def get_settings_service():
    return service_manager.get(ServiceType.SETTINGS_SERVICE)


def get_db_service() -> "DatabaseService":
    return service_manager.get(ServiceType.DATABASE_SERVICE)


def get_session() -> Generator["Session", None, None]:
    db_service = service_manager.get(ServiceType.DATABASE_SERVICE)
    yield from db_service.get_session()


def get_chat_service():
    return service_manager.get(ServiceType.CHAT_SERVICE)
