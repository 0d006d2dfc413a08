# Reduced from langflow-ai/langflow, src/backend/langflow/services/utils.py, at 8faad709176499fae2a7b841596cc1a386724007 (parent of fix 54cfca3dd6c990d0d1eebc01689366f82b9ebb87).
from typing import TYPE_CHECKING

from langflow.services.manager import service_manager
from langflow.services.schema import ServiceType

if TYPE_CHECKING:
    from langflow.services.database.manager import DatabaseManager


def get_db_manager() -> "DatabaseManager":
    return service_manager.get(ServiceType.DATABASE_MANAGER)


def get_session():
    db_manager = service_manager.get(ServiceType.DATABASE_MANAGER)
    yield from db_manager.get_session()
