# From dstackai/dstack, src/dstack/_internal/server/background/pipeline_tasks/instances/common.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import datetime
import uuid
from dataclasses import dataclass, field
from typing import Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.instances import (
    InstanceStatus,
    InstanceTerminationReason,
)
from dstack._internal.server.background.pipeline_tasks.base import (
    ItemUpdateMap,
    UpdateMapDateTime,
)
from dstack._internal.server.models import InstanceModel, PlacementGroupModel


class InstanceUpdateMap(ItemUpdateMap, total=False):
    status: InstanceStatus
    started_at: UpdateMapDateTime
    instance_configuration: str
    termination_reason: Optional[InstanceTerminationReason]
    termination_reason_message: Optional[str]
    backend: BackendType
    offer: str
    region: str
    price: float
    job_provisioning_data: str
    total_blocks: int


@dataclass
class ProcessResult:
    instance_update_map: InstanceUpdateMap = field(default_factory=InstanceUpdateMap)
    new_placement_group_models: list[PlacementGroupModel] = field(default_factory=list)
    schedule_pg_deletion_fleet_id: Optional[uuid.UUID] = None
    schedule_pg_deletion_except_id: Optional[uuid.UUID] = None


def set_status_update(
    update_map: InstanceUpdateMap,
    instance_model: InstanceModel,
    new_status: InstanceStatus,
    termination_reason: Optional[InstanceTerminationReason] = None,
    termination_reason_message: Optional[str] = None,
) -> None:
    if instance_model.status == new_status:
        return
    update_map["status"] = new_status
    update_map["termination_reason"] = termination_reason
    update_map["termination_reason_message"] = termination_reason_message
