# From polarsource/polar, server/polar/postgres.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
# (PEP 695 'type X = ...' aliases and 'class C[T]' generics written the pre-3.12 way so the linter's Python parses them.)
from collections.abc import AsyncGenerator
from typing import Literal

from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from polar.config import settings
from polar.kit.db.postgres import (
    AsyncEngine,
    AsyncReadSession,
    AsyncSession,
    AsyncSessionMaker,
)
from polar.kit.db.postgres import create_async_engine as _create_async_engine

ProcessName = Literal["app", "worker", "scheduler", "script"]


def create_async_engine(
    process_name: ProcessName, *, pool_logging_name: str | None = None
) -> AsyncEngine:
    return _create_async_engine(
        dsn=str(settings.get_postgres_dsn("asyncpg")),
        pool_logging_name=pool_logging_name or process_name,
        debug=settings.SQLALCHEMY_DEBUG,
        pool_size=settings.DATABASE_POOL_SIZE,
        pool_recycle=settings.DATABASE_POOL_RECYCLE_SECONDS,
        command_timeout=settings.DATABASE_COMMAND_TIMEOUT_SECONDS,
    )


class AsyncSessionMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)

        sessionmaker: AsyncSessionMaker = scope["state"]["async_sessionmaker"]
        async with sessionmaker() as session:
            scope["state"]["async_session"] = session
            await self.app(scope, receive, send)


async def get_db_session(request: Request) -> AsyncGenerator[AsyncSession]:
    try:
        session = request.state.async_session
    except AttributeError as e:
        raise RuntimeError(
            "Session is not present in the request state. "
            "Did you forget to add AsyncSessionMiddleware?"
        ) from e

    try:
        yield session
    except:
        await session.rollback()
        raise
    else:
        await session.commit()


__all__ = [
    "AsyncEngine",
    "AsyncReadSession",
    "AsyncSession",
    "create_async_engine",
    "get_db_session",
]
