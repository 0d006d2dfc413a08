# From dstackai/dstack, src/dstack/_internal/server/services/jobs/__init__.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from typing import List
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import load_only

from dstack._internal.core.models.runs import Job, JobStatus, RunSpec
from dstack._internal.core.models.volumes import Volume
from dstack._internal.server.models import JobModel, ProjectModel


def is_multinode_job(job: Job) -> bool:
    return job.job_spec.jobs_per_replica > 1


async def get_instances_ids_with_detaching_volumes(session: AsyncSession) -> List[UUID]:
    res = await session.execute(
        select(JobModel)
        .where(
            JobModel.status == JobStatus.TERMINATING,
            JobModel.used_instance_id.is_not(None),
            JobModel.volumes_detached_at.is_not(None),
        )
        .options(load_only(JobModel.used_instance_id))
    )
    job_models = res.scalars().all()
    return [jm.used_instance_id for jm in job_models if jm.used_instance_id]


async def get_job_configured_volumes(
    session: AsyncSession,
    project: ProjectModel,
    run_spec: RunSpec,
    job_num: int,
) -> List[List[Volume]]:
    raise NotImplementedError()


async def get_jobs_from_run_spec(
    run_spec: RunSpec,
    replica_num: int,
) -> List[Job]:
    raise NotImplementedError()
