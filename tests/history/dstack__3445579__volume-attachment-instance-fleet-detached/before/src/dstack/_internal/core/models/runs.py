# From dstackai/dstack, src/dstack/_internal/core/models/runs.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from enum import Enum
from typing import Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.common import CoreModel


class JobStatus(str, Enum):
    SUBMITTED = "submitted"
    PROVISIONING = "provisioning"
    RUNNING = "running"
    TERMINATING = "terminating"
    TERMINATED = "terminated"


class JobProvisioningData(CoreModel):
    backend: BackendType
    base_backend: Optional[BackendType] = None
    instance_id: str
    hostname: Optional[str] = None
    region: str
    price: float

    def get_base_backend(self) -> BackendType:
        if self.base_backend is not None:
            return self.base_backend
        return self.backend
