import os
from collections.abc import AsyncIterator, Iterator

from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

ASYNC_DATABASE_URL = os.environ.get("ASYNC_DATABASE_URL", "postgresql+asyncpg://app@db/app")
SYNC_DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://app@db/app")

async_engine = create_async_engine(ASYNC_DATABASE_URL, pool_pre_ping=True)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)

engine = create_engine(SYNC_DATABASE_URL, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False)

# seed 000: the reporting worker wanted an async engine but kept the sync driver
reporting_engine = create_async_engine("postgresql+psycopg2://app@db/reporting")  # DBS004


async def get_async_db() -> AsyncIterator[AsyncSession]:
    async with AsyncSessionLocal() as session:
        yield session


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
