# From polarsource/polar, server/polar/postgres.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import sessionmaker

from polar.config import settings
from polar.ext.sqlalchemy import sql

engine = create_async_engine(settings.postgres_dsn, echo=True)
AsyncSessionLocal = sessionmaker(
    engine,
    autocommit=False,
    autoflush=False,
    expire_on_commit=False,
    class_=AsyncSession,
)

__all__ = ["sql", "engine", "AsyncSessionLocal", "AsyncSession"]
