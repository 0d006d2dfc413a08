# From dstackai/dstack, src/dstack/_internal/server/db.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
from contextlib import asynccontextmanager
from typing import Optional

from sqlalchemy import AsyncAdaptedQueuePool
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import sessionmaker

from dstack._internal.server import settings
from dstack._internal.server.settings import DATABASE_URL


class Database:
    def __init__(self, url: str, engine: Optional[AsyncEngine] = None):
        self.url = url
        if engine is not None:
            self.engine = engine
        else:
            self.engine = create_async_engine(
                self.url,
                echo=settings.SQL_ECHO_ENABLED,
                poolclass=AsyncAdaptedQueuePool,
                pool_size=settings.DB_POOL_SIZE,
                max_overflow=settings.DB_MAX_OVERFLOW,
            )
        self.session_maker = sessionmaker(
            bind=self.engine,
            expire_on_commit=False,
            class_=AsyncSession,
        )

    @property
    def dialect_name(self) -> str:
        return self.engine.dialect.name

    def get_session(self) -> AsyncSession:
        return self.session_maker()


def get_new_db() -> Database:
    """
    Creates a new Database with a new Engine.
    Use this when you need to access the DB in a new thread instead of calling Database directly
    since it's easier to monkey-patch.
    """
    return Database(url=DATABASE_URL)


_db = get_new_db()


def get_db() -> Database:
    return _db


async def get_session():
    async with _db.get_session() as session:
        yield session
        await session.commit()


get_session_ctx = asynccontextmanager(get_session)
