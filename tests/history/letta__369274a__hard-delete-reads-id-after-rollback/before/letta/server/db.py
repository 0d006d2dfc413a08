# From letta-ai/letta, letta/server/db.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from contextlib import asynccontextmanager
from typing import AsyncGenerator

from sqlalchemy import NullPool
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from letta.settings import settings

async_pg_uri = settings.letta_pg_uri.replace("postgresql://", "postgresql+asyncpg://")

engine_args = {
    "echo": settings.pg_echo,
    "pool_pre_ping": settings.pool_pre_ping,
}

if settings.disable_sqlalchemy_pooling:
    engine_args["poolclass"] = NullPool
else:
    engine_args.update(
        {
            "pool_size": settings.pg_pool_size,
            "max_overflow": settings.pg_max_overflow,
            "pool_timeout": settings.pg_pool_timeout,
            "pool_recycle": settings.pg_pool_recycle,
        }
    )

engine: AsyncEngine = create_async_engine(async_pg_uri, **engine_args)

async_session_factory = async_sessionmaker(
    engine,
    class_=AsyncSession,
    expire_on_commit=False,
    autocommit=False,
    autoflush=False,
)


class DatabaseRegistry:
    """Dummy registry to maintain the existing interface."""

    @asynccontextmanager
    async def async_session(self) -> AsyncGenerator[AsyncSession, None]:
        """Get an async database session."""
        async with async_session_factory() as session:
            try:
                yield session
                await session.commit()
            except Exception:
                await session.rollback()
                raise
            finally:
                await session.close()


db_registry = DatabaseRegistry()


def get_db_registry() -> DatabaseRegistry:
    """Get the global database registry instance."""
    return db_registry


async def get_db_async() -> AsyncGenerator[AsyncSession, None]:
    """Get an async database session."""
    async with db_registry.async_session() as session:
        yield session
