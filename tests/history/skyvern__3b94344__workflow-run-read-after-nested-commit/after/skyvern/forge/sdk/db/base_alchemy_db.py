# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/base_alchemy_db.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
import asyncio
import contextvars
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncContextManager, AsyncIterator

import structlog
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

LOG = structlog.get_logger()


class BaseAlchemyDB:
    """Base database client with connection and session management."""

    def __init__(self, db_engine: AsyncEngine) -> None:
        self.engine = db_engine
        self.Session = _SessionFactory(self, async_sessionmaker(bind=db_engine))

    def is_retryable_error(self, error: SQLAlchemyError) -> bool:
        """Check if a database error is retryable. Override in subclasses for specific error handling."""
        return False


@dataclass(frozen=True)
class _SessionEntry:
    session: AsyncSession
    task: asyncio.Task[Any] | None


class _SessionFactory:
    def __init__(self, db: BaseAlchemyDB, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._db = db
        self._sessionmaker = sessionmaker
        self._session_ctx: contextvars.ContextVar[_SessionEntry | None] = contextvars.ContextVar(
            "skyvern_db_session",
            default=None,
        )

    def __call__(self) -> AsyncContextManager[AsyncSession]:
        return self._session()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sessionmaker, name)

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[AsyncSession]:
        existing = self._session_ctx.get()
        current_task = asyncio.current_task()
        if existing is not None and current_task is not None and existing.task is current_task:
            yield existing.session
            return

        session = self._sessionmaker()
        token = self._session_ctx.set(_SessionEntry(session=session, task=current_task))
        try:
            yield session
        finally:
            self._session_ctx.reset(token)
            try:
                await session.close()
            except SQLAlchemyError as e:
                if self._db.is_retryable_error(e):
                    LOG.warning(
                        "Transient error during session close (suppressed)",
                        error=str(e),
                    )
                else:
                    raise
