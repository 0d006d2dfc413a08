# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/deps.py, at 44a3e7643aa83f697c4d4613b9ba94215ed43dc7 (parent of fix ba9dea55477a8964843e9f36be77631f830c5637).
from __future__ import annotations

from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING

from loguru import logger

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, Generator

    from sqlmodel import Session
    from sqlmodel.ext.asyncio.session import AsyncSession

    from langflow.services.chat.service import ChatService
    from langflow.services.database.service import DatabaseService
    from langflow.services.settings.service import SettingsService

# reduced: langflow's ServiceManager and its factories are cut; one instance per service
_services: dict[str, object] = {}


def get_db_service() -> DatabaseService:
    """Retrieves the DatabaseService instance from the service manager."""
    from langflow.services.database.service import DatabaseService

    if "database_service" not in _services:
        _services["database_service"] = DatabaseService("sqlite:///./langflow.db")
    return _services["database_service"]


def get_settings_service() -> SettingsService:
    """Retrieves the SettingsService instance."""
    from langflow.services.settings.service import SettingsService

    return _services.setdefault("settings_service", SettingsService())


def get_chat_service() -> ChatService:
    """Get the chat service instance."""
    from langflow.services.chat.service import ChatService

    return _services.setdefault("chat_service", ChatService())


def get_session() -> Generator[Session, None, None]:
    """Retrieves a session from the database service.

    Yields:
        Session: A session object.

    """
    with get_db_service().with_session() as session:
        yield session


async def get_async_session() -> AsyncGenerator[AsyncSession, None]:
    """Retrieves an async session from the database service.

    Yields:
        Session: An async session object.

    """
    async with get_db_service().with_async_session() as session:
        yield session


@contextmanager
def session_scope() -> Generator[Session, None, None]:
    """Context manager for managing a session scope."""
    db_service = get_db_service()
    with db_service.with_session() as session:
        try:
            yield session
            session.commit()
        except Exception:
            logger.exception("An error occurred during the session scope.")
            session.rollback()
            raise


@asynccontextmanager
async def async_session_scope() -> AsyncGenerator[AsyncSession, None]:
    """Context manager for managing an async session scope."""
    db_service = get_db_service()
    async with db_service.with_async_session() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            logger.exception("An error occurred during the session scope.")
            await session.rollback()
            raise
