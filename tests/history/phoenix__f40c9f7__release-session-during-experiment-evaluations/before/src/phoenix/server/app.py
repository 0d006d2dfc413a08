# Reduced from Arize-ai/phoenix, src/phoenix/server/app.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
import asyncio
import contextlib
from contextlib import AbstractAsyncContextManager
from typing import AsyncIterator, Callable, Optional

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from phoenix.server.types import DbSessionFactory


def _db(
    engine: AsyncEngine,
) -> Callable[[Optional[asyncio.Lock]], AbstractAsyncContextManager[AsyncSession]]:
    Session = async_sessionmaker(engine, expire_on_commit=False)

    @contextlib.asynccontextmanager
    async def factory(lock: Optional[asyncio.Lock] = None) -> AsyncIterator[AsyncSession]:
        async with contextlib.AsyncExitStack() as stack:
            if lock:
                await stack.enter_async_context(lock)
            yield await stack.enter_async_context(Session.begin())

    return factory


def create_db_session_factory(engine: AsyncEngine) -> DbSessionFactory:
    db = DbSessionFactory(db=_db(engine), dialect=engine.dialect.name)
    if db.dialect == "sqlite":
        # SQLite allows one writer at a time: every session takes this lock
        db.lock = asyncio.Lock()
    return db
