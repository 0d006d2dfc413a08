# From letta-ai/letta, letta/services/job_manager.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from letta.orm.errors import NoResultFound
from letta.orm.job import Job as JobModel
from letta.schemas.job import Job as PydanticJob
from letta.schemas.user import User as PydanticUser
from letta.server.db import db_registry


class JobManager:
    """Manager class to handle business logic related to Jobs."""

    async def delete_job_by_id_async(self, job_id: str, actor: PydanticUser) -> PydanticJob:
        """Delete a job by its ID."""
        async with db_registry.async_session() as session:
            job = await self._verify_job_access_async(session=session, job_id=job_id, actor=actor)
            await job.hard_delete_async(db_session=session, actor=actor)
            return job.to_pydantic()

    async def _verify_job_access_async(
        self,
        session: AsyncSession,
        job_id: str,
        actor: PydanticUser,
    ) -> JobModel:
        job_query = select(JobModel).where(JobModel.id == job_id, JobModel.user_id == actor.id)
        result = await session.execute(job_query)
        job = result.scalar_one_or_none()
        if not job:
            raise NoResultFound(f"Job with id {job_id} does not exist or user does not have access")
        return job
