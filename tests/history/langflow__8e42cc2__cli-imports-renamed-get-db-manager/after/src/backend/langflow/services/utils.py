# From langflow-ai/langflow, src/backend/langflow/services/utils.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from langflow.services.manager import service_manager
from langflow.services.schema import ServiceType
from .getters import get_session, get_settings_service
from loguru import logger


def teardown_services():
    """
    Teardown all the services.
    """
    try:
        service_manager.teardown()
    except Exception as exc:
        logger.exception(exc)


def initialize_settings_service():
    """
    Initialize the settings manager.
    """
    # (factory registration cut)


def initialize_services():
    """
    Initialize all the services needed.
    """
    # (factory registrations cut)
    # Test cache connection
    service_manager.get(ServiceType.CACHE_SERVICE)
    # Test database connection
    service_manager.get(ServiceType.DATABASE_SERVICE)
