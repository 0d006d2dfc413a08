# From dstackai/dstack, src/dstack/_internal/server/services/jobs/__init__.py (fix 4bd8351e167d8022f54a11e9d083d4f3f9386683; before/ is its parent), reduced.
import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from dstack._internal.core.errors import BackendError
from dstack._internal.core.models.instances import InstanceStatus, RemoteConnectionInfo
from dstack._internal.core.models.runs import JobProvisioningData
from dstack._internal.server.models import InstanceModel, JobModel, ProjectModel
from dstack._internal.server.services.backends import get_project_backend_by_type
from dstack._internal.server.services.locking import get_locker
from dstack._internal.server.services.volumes import volume_model_to_volume
from dstack._internal.utils.common import get_current_datetime, run_async
from dstack._internal.utils.logging import get_logger

logger = get_logger(__name__)


async def stop_container(job_model: JobModel, jpd: JobProvisioningData, ssh_private_key: str):
    logger.debug("%s: stopping container on %s", job_model.job_name, jpd.hostname)


async def process_terminating_job(session: AsyncSession, job_model: JobModel):
    """
    Used by both process_terminating_jobs and process_terminating_run.
    Caller must acquire the lock on the job.
    """
    if (
        job_model.remove_at is not None
        and job_model.remove_at.replace(tzinfo=datetime.timezone.utc) > get_current_datetime()
    ):
        # it's too early to terminate the instance
        return

    # FIXME: The caller should take instance lock since unlock must be after commit
    async with get_locker().lock_ctx(InstanceModel.__tablename__, [job_model.used_instance_id]):
        res = await session.execute(
            select(InstanceModel)
            .where(InstanceModel.id == job_model.used_instance_id)
            .options(
                selectinload(InstanceModel.project).joinedload(ProjectModel.backends),
                selectinload(InstanceModel.volumes),
                selectinload(InstanceModel.job),
            )
            .with_for_update()
        )
        instance = res.unique().scalar()
        if instance is not None:
            jpd = None
            if job_model.job_provisioning_data is not None:
                jpd = JobProvisioningData.parse_raw(job_model.job_provisioning_data)
                logger.debug("%s: stopping container", job_model.job_name)
                ssh_private_key = instance.project.ssh_private_key
                # TODO: Drop this logic and always use project key once it's safe to assume that
                # most on-prem fleets are (re)created after this change:
                # https://github.com/dstackai/dstack/pull/1716
                if instance and instance.remote_connection_info is not None:
                    remote_conn_info: RemoteConnectionInfo = RemoteConnectionInfo.parse_raw(
                        instance.remote_connection_info
                    )
                    ssh_private_key = remote_conn_info.ssh_keys[0].private
                await stop_container(job_model, jpd, ssh_private_key)
                if len(instance.volumes) > 0:
                    logger.info("Detaching volumes: %s", [v.name for v in instance.volumes])
                    await detach_volumes_from_instance(  # DBS014
                        project=instance.project,
                        instance=instance,
                        jpd=jpd,
                    )

            if instance.status == InstanceStatus.BUSY:
                instance.status = InstanceStatus.IDLE
            elif instance.status != InstanceStatus.TERMINATED:
                # instance was PROVISIONING (specially for the job)
                # schedule for termination
                instance.status = InstanceStatus.TERMINATING

            if jpd is None or not jpd.dockerized:
                # do not reuse vastai/k8s instances
                instance.status = InstanceStatus.TERMINATING

            instance.job_id = None
            instance.last_job_processed_at = get_current_datetime()
            logger.info(
                "%s: instance '%s' has been released, new status is %s",
                job_model.job_name,
                instance.name,
                instance.status.name,
            )

        if job_model.termination_reason is not None:
            job_model.status = job_model.termination_reason.to_status()


async def detach_volumes_from_instance(
    project: ProjectModel,
    instance: InstanceModel,
    jpd: JobProvisioningData,
):
    backend = await get_project_backend_by_type(
        project=project,
        backend_type=jpd.backend,
    )
    if backend is None:
        logger.error("Failed to detach volumes from %s. Backend not available.", instance.name)
        return

    detached_volumes = []
    for volume_model in instance.volumes:
        volume = volume_model_to_volume(volume_model)
        try:
            if volume.provisioning_data is not None and volume.provisioning_data.detachable:
                await run_async(
                    backend.compute().detach_volume,
                    volume=volume,
                    instance_id=jpd.instance_id,
                )
            detached_volumes.append(volume_model)
        except BackendError as e:
            logger.error(
                "Failed to detach volume %s from %s: %s",
                volume_model.name,
                instance.name,
                repr(e),
            )
        except Exception:
            logger.exception(
                "Got exception when detaching volume %s from instance %s",
                volume_model.name,
                instance.name,
            )

    detached_volumes_ids = {v.id for v in detached_volumes}
    instance.volumes = [v for v in instance.volumes if v.id not in detached_volumes_ids]
