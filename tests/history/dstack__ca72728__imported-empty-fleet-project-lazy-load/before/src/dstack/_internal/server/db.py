# From dstackai/dstack, src/dstack/_internal/server/db.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced (Alembic migrations cut).
from contextlib import asynccontextmanager
from typing import Optional

from sqlalchemy import AsyncAdaptedQueuePool, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

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
        self.session_maker = async_sessionmaker(
            bind=self.engine,  # type: ignore[assignment]
            expire_on_commit=False,
            # Disable autoflush to avoid accidental long write transactions on SQLite.
            autoflush=False,
            class_=AsyncSession,
        )

        if self.dialect_name == "sqlite":

            @event.listens_for(self.engine.sync_engine, "connect")
            def set_sqlite_pragma(dbapi_connection: DBAPIConnection, _: ConnectionPoolEntry):
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL;")
                cursor.execute("PRAGMA foreign_keys=ON;")
                cursor.execute("PRAGMA synchronous=NORMAL;")
                cursor.execute("PRAGMA busy_timeout=30000;")
                cursor.close()

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


def override_db(new_db: Database):
    global _db
    _db = new_db


async def get_session():
    async with _db.get_session() as session:
        yield session
        await session.commit()


get_session_ctx = asynccontextmanager(get_session)


def session_decorator(func):
    async def new_func(*args, **kwargs):
        async with get_session_ctx() as s:
            return await func(*args, session=s, **kwargs)

    return new_func


def is_db_sqlite() -> bool:
    return get_db().dialect_name == "sqlite"


def is_db_postgres() -> bool:
    return get_db().dialect_name == "postgresql"


async def sqlite_commit(session: AsyncSession):
    """
    Commit an sqlite transaction.
    Should be used before taking locks in active sessions to see committed changes.
    """
    if is_db_sqlite():
        await session.commit()
