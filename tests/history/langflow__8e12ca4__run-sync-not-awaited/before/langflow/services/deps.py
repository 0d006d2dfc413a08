# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/deps.py, at f49feef92b62304b233cd3d5aaf5a055f2b44c5d (parent of fix 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e).
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from loguru import logger

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator

    from sqlmodel.ext.asyncio.session import AsyncSession

    from langflow.services.database.service import DatabaseService

# reduced: langflow's ServiceManager and its factories are cut; one instance per service
_services: dict[str, object] = {}


def get_db_service() -> DatabaseService:
    """Retrieves the DatabaseService instance from the service manager.

    Returns:
        The DatabaseService instance.

    """
    from langflow.services.database.service import DatabaseService

    if "database_service" not in _services:
        _services["database_service"] = DatabaseService("sqlite:///./langflow.db")
    return _services["database_service"]


async def get_session() -> AsyncGenerator[AsyncSession, None]:
    """Retrieves an async session from the database service.

    Yields:
        AsyncSession: An async session object.

    """
    async with get_db_service().with_session() as session:
        yield session


@asynccontextmanager
async def session_scope() -> AsyncGenerator[AsyncSession, None]:
    """Context manager for managing an async session scope."""
    db_service = get_db_service()
    async with db_service.with_session() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            logger.exception("An error occurred during the session scope.")
            await session.rollback()
            raise
