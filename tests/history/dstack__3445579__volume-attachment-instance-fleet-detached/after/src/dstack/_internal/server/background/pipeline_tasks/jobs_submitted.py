# From dstackai/dstack, src/dstack/_internal/server/background/pipeline_tasks/jobs_submitted.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced (assignment, provisioning and apply phases cut).
import uuid
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload

from dstack._internal.core.backends.base.compute import ComputeWithVolumeSupport
from dstack._internal.core.errors import BackendError, ServerClientError
from dstack._internal.core.models.runs import JobProvisioningData
from dstack._internal.core.models.volumes import Volume
from dstack._internal.server.background.pipeline_tasks.base import PipelineItem
from dstack._internal.server.db import get_db, get_session_ctx
from dstack._internal.server.models import (
    FleetModel,
    InstanceModel,
    JobModel,
    ProjectModel,
    UserModel,
    VolumeAttachmentModel,
    VolumeModel,
)
from dstack._internal.server.services.backends import get_project_backend_by_type_or_error
from dstack._internal.server.services.locking import get_locker
from dstack._internal.server.services.logging import fmt
from dstack._internal.server.services.volumes import volume_model_to_volume
from dstack._internal.utils.common import get_current_datetime, run_async
from dstack._internal.utils.logging import get_logger

logger = get_logger(__name__)


@dataclass
class JobSubmittedPipelineItem(PipelineItem):
    pass


class JobSubmittedPipeline:
    pass


@dataclass
class _PreparedJobVolumes:
    volume_model_ids: list[list[uuid.UUID]]
    volumes: list[list[Volume]]


@dataclass
class _VolumeAttachmentPayload:
    volume_id: uuid.UUID
    attachment_data: str
    volume_name: str


@dataclass
class _VolumeAttachmentResult:
    attachments: list[_VolumeAttachmentPayload]
    locked_volume_ids: list[uuid.UUID]
    termination_message: Optional[str] = None


async def _process_volume_attachments(
    item: JobSubmittedPipelineItem,
    project: ProjectModel,
    job_model: JobModel,
    prepared_job_volumes: _PreparedJobVolumes,
    job_provisioning_data: JobProvisioningData,
) -> _VolumeAttachmentResult:
    if len(prepared_job_volumes.volume_model_ids) == 0:
        return _VolumeAttachmentResult(attachments=[], locked_volume_ids=[])

    backend = await get_project_backend_by_type_or_error(
        project=project,
        backend_type=job_provisioning_data.backend,
    )
    compute = backend.compute()
    assert isinstance(compute, ComputeWithVolumeSupport)

    volume_models = await _lock_related_volume_models(
        item=item, volume_model_ids=prepared_job_volumes.volume_model_ids
    )
    if volume_models is None:
        return _VolumeAttachmentResult(
            attachments=[],
            locked_volume_ids=[],
            termination_message="Failed to attach volume: Cannot attach a volume locked for processing",
        )

    locked_volume_ids = sorted(
        {
            volume_model.id
            for mount_point_volume_models in volume_models
            for volume_model in mount_point_volume_models
        }
    )
    attachments: list[_VolumeAttachmentPayload] = []
    related_volume_lock_owner = _get_related_volume_lock_owner(item.id)
    for mount_point_volume_models in volume_models:
        for volume_model in mount_point_volume_models:
            volume = volume_model_to_volume(volume_model)
            try:
                if volume_model.deleted:
                    raise ServerClientError("Cannot attach a deleted volume")
                if volume_model.to_be_deleted:
                    raise ServerClientError("Cannot attach a volume marked for deletion")
                if (
                    volume_model.lock_expires_at is not None
                    and volume_model.lock_owner != related_volume_lock_owner
                ):
                    raise ServerClientError("Cannot attach a volume locked for processing")
                if (
                    job_provisioning_data.get_base_backend() != volume.get_backend()
                    or job_provisioning_data.region.lower() != volume.get_region().lower()
                ):
                    continue
                if volume.provisioning_data is None or not volume.provisioning_data.attachable:
                    continue
                attachment_data = await run_async(
                    compute.attach_volume,
                    volume=volume,
                    provisioning_data=job_provisioning_data,
                )
                attachments.append(
                    _VolumeAttachmentPayload(
                        volume_id=volume_model.id,
                        attachment_data=attachment_data.json(),
                        volume_name=volume.name,
                    )
                )
                break
            except ServerClientError as e:
                logger.info("%s: failed to attach volume: %s", fmt(job_model), repr(e))
                return _VolumeAttachmentResult(
                    attachments=attachments,
                    locked_volume_ids=locked_volume_ids,
                    termination_message=f"Failed to attach volume: {e.msg}",
                )
            except BackendError as e:
                logger.warning("%s: failed to attach volume: %s", fmt(job_model), repr(e))
                return _VolumeAttachmentResult(
                    attachments=attachments,
                    locked_volume_ids=locked_volume_ids,
                    termination_message=f"Failed to attach volume: {str(e)}",
                )
            except Exception:
                logger.exception("%s: got exception when attaching volume", fmt(job_model))
                return _VolumeAttachmentResult(
                    attachments=attachments,
                    locked_volume_ids=locked_volume_ids,
                    termination_message="Failed to attach volume: unexpected error",
                )
    return _VolumeAttachmentResult(
        attachments=attachments,
        locked_volume_ids=locked_volume_ids,
    )


async def _lock_related_volume_models(
    item: JobSubmittedPipelineItem,
    volume_model_ids: list[list[uuid.UUID]],
) -> Optional[list[list[VolumeModel]]]:
    now = get_current_datetime()
    volume_ids = sorted(
        {
            volume_id
            for mount_point_volume_ids in volume_model_ids
            for volume_id in mount_point_volume_ids
        }
    )
    if not volume_ids:
        return []

    related_volume_lock_owner = _get_related_volume_lock_owner(item.id)
    volume_lock, _ = get_locker(get_db().dialect_name).get_lockset(VolumeModel.__tablename__)
    async with volume_lock:
        async with get_session_ctx() as session:
            # Persist related volume locks before attach because the attach call itself
            # must run outside a DB transaction in the processing phase.
            res = await session.execute(
                select(VolumeModel)
                .where(
                    VolumeModel.id.in_(volume_ids),
                    or_(
                        VolumeModel.lock_expires_at.is_(None),
                        and_(
                            VolumeModel.lock_owner == related_volume_lock_owner,
                            VolumeModel.lock_expires_at < now,
                        ),
                    ),
                )
                .options(joinedload(VolumeModel.project))
                .options(joinedload(VolumeModel.user).load_only(UserModel.name))
                .options(
                    joinedload(VolumeModel.attachments)
                    .joinedload(VolumeAttachmentModel.instance)
                    .joinedload(InstanceModel.fleet)
                    .load_only(FleetModel.name)
                )
                .with_for_update(skip_locked=True, key_share=True, of=VolumeModel)
            )
            locked_volume_models = list(res.unique().scalars().all())
            if len(locked_volume_models) != len(volume_ids):
                return None

            for volume_model in locked_volume_models:
                volume_model.lock_expires_at = item.lock_expires_at
                volume_model.lock_token = item.lock_token
                volume_model.lock_owner = related_volume_lock_owner

            await session.commit()

    volume_models_by_id = {volume_model.id: volume_model for volume_model in locked_volume_models}
    return [
        [volume_models_by_id[volume_id] for volume_id in mount_point_volume_ids]
        for mount_point_volume_ids in volume_model_ids
    ]


def _get_related_volume_lock_owner(job_id: uuid.UUID) -> str:
    return f"{JobSubmittedPipeline.__name__}:{job_id}"
