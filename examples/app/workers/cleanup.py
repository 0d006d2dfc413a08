from sqlalchemy import delete
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from app.models import Job, JobStatus

engine = create_async_engine("postgresql+asyncpg://app@db/app")
WorkerSession = async_sessionmaker(engine)


async def purge_failed_jobs() -> None:
    with WorkerSession() as session:  # DBS007
        await session.execute(delete(Job).where(Job.status == JobStatus.FAILED))
        await session.commit()


async def purge_cancelled_jobs() -> None:
    async with WorkerSession.begin() as session:
        await session.execute(delete(Job).where(Job.status == JobStatus.CANCELLED))
