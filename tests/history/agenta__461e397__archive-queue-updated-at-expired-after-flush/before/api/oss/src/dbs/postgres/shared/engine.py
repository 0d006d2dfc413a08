# From Agenta-AI/agenta, api/oss/src/dbs/postgres/shared/engine.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from asyncio import current_task
from typing import AsyncGenerator, Optional
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import (
    AsyncSession,
    AsyncEngine,
    create_async_engine,
    async_sessionmaker,
    async_scoped_session,
)

from oss.src.utils.env import env


POOL_RECYCLE = 30 * 60  # 30 minutes


class TransactionsEngine:
    """Postgres core DB — application data."""

    def __init__(self) -> None:
        self._engine: AsyncEngine = create_async_engine(
            url=env.postgres.uri_core,
            pool_pre_ping=True,
            pool_recycle=POOL_RECYCLE,
        )
        _session_maker = async_sessionmaker(
            autocommit=False,
            autoflush=False,
            class_=AsyncSession,
            expire_on_commit=False,
            bind=self._engine,
        )
        self._session = async_scoped_session(
            session_factory=_session_maker,
            scopefunc=current_task,
        )

    async def close(self) -> None:
        if self._engine is not None:
            await self._engine.dispose()

    @asynccontextmanager
    async def session(self) -> AsyncGenerator[AsyncSession, None]:
        session: AsyncSession = self._session()
        try:
            yield session
            await session.commit()
        except Exception as e:
            await session.rollback()
            raise e
        finally:
            await session.close()


_transactions_engine: Optional[TransactionsEngine] = None


def get_transactions_engine() -> TransactionsEngine:
    global _transactions_engine
    if _transactions_engine is None:
        _transactions_engine = TransactionsEngine()
    return _transactions_engine
