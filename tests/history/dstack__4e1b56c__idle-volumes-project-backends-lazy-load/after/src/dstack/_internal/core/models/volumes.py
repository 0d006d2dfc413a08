# From dstackai/dstack, src/dstack/_internal/core/models/volumes.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
from enum import Enum
from typing import Optional

from pydantic import BaseModel

from dstack._internal.core.models.backends.base import BackendType


class VolumeStatus(str, Enum):
    SUBMITTED = "submitted"
    PROVISIONING = "provisioning"
    ACTIVE = "active"
    FAILED = "failed"


class VolumeConfiguration(BaseModel):
    name: Optional[str] = None
    backend: BackendType
    region: str
    volume_id: Optional[str] = None
    auto_cleanup_duration: Optional[str | int] = None


class VolumeProvisioningData(BaseModel):
    backend: Optional[BackendType] = None
    volume_id: str


class Volume(BaseModel):
    name: str
    project_name: str
    user: str
    configuration: VolumeConfiguration
    external: bool
    provisioning_data: Optional[VolumeProvisioningData] = None
