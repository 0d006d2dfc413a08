# From dstackai/dstack, src/dstack/_internal/core/models/runs.py (fix 4bd8351e167d8022f54a11e9d083d4f3f9386683; before/ is its parent), reduced.
from enum import Enum
from typing import Optional

from pydantic import BaseModel

from dstack._internal.core.models.backends.base import BackendType


class JobStatus(str, Enum):
    SUBMITTED = "submitted"
    PROVISIONING = "provisioning"
    RUNNING = "running"
    TERMINATING = "terminating"
    TERMINATED = "terminated"
    ABORTED = "aborted"
    FAILED = "failed"
    DONE = "done"


class JobTerminationReason(str, Enum):
    TERMINATED_BY_USER = "terminated_by_user"
    TERMINATED_BY_SERVER = "terminated_by_server"
    DONE_BY_RUNNER = "done_by_runner"

    def to_status(self) -> JobStatus:
        mapping = {
            self.TERMINATED_BY_USER: JobStatus.TERMINATED,
            self.TERMINATED_BY_SERVER: JobStatus.TERMINATED,
            self.DONE_BY_RUNNER: JobStatus.DONE,
        }
        return mapping[self]


class JobProvisioningData(BaseModel):
    backend: BackendType
    instance_id: str
    hostname: Optional[str] = None
    dockerized: bool = True
