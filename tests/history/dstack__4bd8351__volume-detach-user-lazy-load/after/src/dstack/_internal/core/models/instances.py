# From dstackai/dstack, src/dstack/_internal/core/models/instances.py (fix 4bd8351e167d8022f54a11e9d083d4f3f9386683; before/ is its parent), reduced.
from enum import Enum
from typing import List

from pydantic import BaseModel


class InstanceStatus(str, Enum):
    PENDING = "pending"
    PROVISIONING = "provisioning"
    IDLE = "idle"
    BUSY = "busy"
    TERMINATING = "terminating"
    TERMINATED = "terminated"


class SSHKey(BaseModel):
    public: str
    private: str


class RemoteConnectionInfo(BaseModel):
    host: str
    port: int
    ssh_user: str
    ssh_keys: List[SSHKey]
