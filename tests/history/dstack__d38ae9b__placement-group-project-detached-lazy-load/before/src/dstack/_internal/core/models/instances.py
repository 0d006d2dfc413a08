# From dstackai/dstack, src/dstack/_internal/core/models/instances.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
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


class InstanceTerminationReason(str, Enum):
    ERROR = "error"
    NO_OFFERS = "no_offers"


class InstanceType(CoreModel):
    name: str


class InstanceOffer(CoreModel):
    backend: BackendType
    instance: InstanceType
    region: str
    price: float
    availability_zones: Optional[list[str]] = None


class InstanceOfferWithAvailability(InstanceOffer):
    total_blocks: int = 1
