# From polarsource/polar, server/polar/kit/db/postgres.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
# (PEP 695 'type X = ...' aliases and 'class C[T]' generics written the pre-3.12 way so the linter's Python parses them.)
from typing import Any, NewType

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.ext.asyncio import AsyncSession as _AsyncSession
from sqlalchemy.ext.asyncio import (
    create_async_engine as _create_async_engine,
)

AsyncReadSession = NewType("AsyncReadSession", _AsyncSession)
"""
A type alias for read-only database sessions.
"""

AsyncSession = NewType("AsyncSession", AsyncReadSession)
"""
A type alias for read-write database sessions.
"""


def create_async_engine(
    *,
    dsn: str,
    pool_logging_name: str | None = None,
    pool_size: int | None = None,
    pool_recycle: int | None = None,
    command_timeout: float | None = None,
    debug: bool = False,
) -> AsyncEngine:
    connect_args: dict[str, Any] = {}
    if command_timeout is not None:
        connect_args["command_timeout"] = command_timeout

    return _create_async_engine(
        dsn,
        echo=debug,
        connect_args=connect_args,
        pool_size=pool_size,
        pool_recycle=pool_recycle,
        pool_logging_name=pool_logging_name,
    )


AsyncSessionMaker = async_sessionmaker[AsyncSession]
AsyncReadSessionMaker = async_sessionmaker[AsyncReadSession]


def create_async_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, class_=_AsyncSession)  # type: ignore[return-value]


__all__ = [
    "AsyncEngine",
    "AsyncReadSession",
    "AsyncSession",
    "AsyncSessionMaker",
    "AsyncReadSessionMaker",
    "create_async_engine",
    "create_async_sessionmaker",
]
