# From dstackai/dstack, src/dstack/_internal/server/background/pipeline_tasks/instances/__init__.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import uuid
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from dstack._internal.server.background.pipeline_tasks.instances.cloud_provisioning import (
    create_cloud_instance,
)
from dstack._internal.server.background.pipeline_tasks.instances.common import (
    ProcessResult,
)
from dstack._internal.server.db import get_session_ctx
from dstack._internal.server.models import (
    InstanceModel,
    ProjectModel,
)
from dstack._internal.utils.logging import get_logger

logger = get_logger(__name__)


@dataclass
class InstancePipelineItem:
    id: uuid.UUID
    lock_token: uuid.UUID


@dataclass
class _ProcessContext:
    instance_model: InstanceModel
    result: ProcessResult


async def _process_pending_item(item: InstancePipelineItem) -> Optional[_ProcessContext]:
    async with get_session_ctx() as session:
        instance_model = await _refetch_locked_instance_for_pending_or_terminating(
            session=session,
            item=item,
        )
        if instance_model is None:
            return None
    result = await create_cloud_instance(instance_model)
    return _ProcessContext(instance_model=instance_model, result=result)


async def _refetch_locked_instance_for_pending_or_terminating(
    session: AsyncSession, item: InstancePipelineItem
) -> Optional[InstanceModel]:
    res = await session.execute(
        select(InstanceModel)
        .where(
            InstanceModel.id == item.id,
            InstanceModel.lock_token == item.lock_token,
        )
        .options(joinedload(InstanceModel.project).joinedload(ProjectModel.backends))
        .options(joinedload(InstanceModel.fleet))
    )
    return res.unique().scalar_one_or_none()
