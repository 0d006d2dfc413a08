# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/service.py, at ba9dea55477a8964843e9f36be77631f830c5637 (parent of fix 24f9cac9b59711fa365eac9e6525b96a2ceb67f3).
from __future__ import annotations

from contextlib import asynccontextmanager, contextmanager

from loguru import logger
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel import Session, create_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from langflow.services.base import Service


class DatabaseService(Service):
    name = "database_service"

    def __init__(self, database_url: str):
        self.database_url: str = database_url
        self._sanitize_database_url()
        self.engine = self._create_engine()
        self.async_engine = self._create_async_engine()

    def _sanitize_database_url(self):
        if self.database_url.startswith("postgres://"):
            self.database_url = self.database_url.replace("postgres://", "postgresql://")
            logger.warning(
                "Fixed postgres dialect in database URL. Replacing postgres:// with postgresql://. "
                "To avoid this warning, update the database URL."
            )

    def _create_engine(self) -> Engine:
        """Create the engine for the database."""
        return create_engine(self.database_url)

    def _create_async_engine(self) -> AsyncEngine:
        """Create the engine for the database."""
        url_components = self.database_url.split("://", maxsplit=1)
        if url_components[0].startswith("sqlite"):
            database_url = "sqlite+aiosqlite://"
        else:
            database_url = "postgresql+psycopg://" if url_components[0].startswith("postgresql") else url_components[0]
        database_url += url_components[1]
        return create_async_engine(database_url)

    @contextmanager
    def with_session(self):
        with Session(self.engine) as session:
            yield session

    @asynccontextmanager
    async def with_async_session(self):
        async with AsyncSession(self.async_engine, expire_on_commit=False) as session:
            yield session

    async def teardown(self) -> None:
        logger.debug("Tearing down database")
        await self.async_engine.dispose()
        self.engine.dispose()
