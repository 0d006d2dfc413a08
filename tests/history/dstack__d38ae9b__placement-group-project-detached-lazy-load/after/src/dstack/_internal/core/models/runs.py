# From dstackai/dstack, src/dstack/_internal/core/models/runs.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from typing import Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.common import CoreModel


class JobProvisioningData(CoreModel):
    backend: BackendType
    instance_id: str
    region: str
    availability_zone: Optional[str] = None
