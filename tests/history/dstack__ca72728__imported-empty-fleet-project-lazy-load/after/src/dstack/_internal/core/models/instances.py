# From dstackai/dstack, src/dstack/_internal/core/models/instances.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
import uuid
from datetime import datetime
from enum import Enum
from typing import Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.common import CoreModel


class InstanceStatus(str, Enum):
    PENDING = "pending"
    PROVISIONING = "provisioning"
    IDLE = "idle"
    BUSY = "busy"
    TERMINATING = "terminating"
    TERMINATED = "terminated"

    def is_active(self) -> bool:
        return self not in self.finished_statuses()

    @classmethod
    def finished_statuses(cls) -> list["InstanceStatus"]:
        return [cls.TERMINATING, cls.TERMINATED]


class InstanceAvailability(Enum):
    UNKNOWN = "unknown"
    AVAILABLE = "available"
    NOT_AVAILABLE = "not_available"
    NO_QUOTA = "no_quota"
    IDLE = "idle"
    BUSY = "busy"

    def is_available(self) -> bool:
        return self in {self.UNKNOWN, self.AVAILABLE, self.IDLE}


class InstanceType(CoreModel):
    name: str


class InstanceOffer(CoreModel):
    backend: BackendType
    instance: InstanceType
    region: str
    price: float


class InstanceOfferWithAvailability(InstanceOffer):
    availability: InstanceAvailability
    instance_runtime: str = "shim"
    blocks: int = 1
    total_blocks: int = 1


class Instance(CoreModel):
    id: uuid.UUID
    project_name: str
    backend: Optional[BackendType] = None
    instance_type: Optional[InstanceType] = None
    name: str
    fleet_id: Optional[uuid.UUID] = None
    fleet_name: Optional[str] = None
    instance_num: int
    hostname: Optional[str] = None
    status: InstanceStatus
    unreachable: bool = False
    termination_reason: Optional[str] = None
    termination_reason_message: Optional[str] = None
    created: datetime
    finished_at: Optional[datetime] = None
    region: Optional[str] = None
    availability_zone: Optional[str] = None
    price: Optional[float] = None
    total_blocks: Optional[int] = None
    busy_blocks: int = 0
