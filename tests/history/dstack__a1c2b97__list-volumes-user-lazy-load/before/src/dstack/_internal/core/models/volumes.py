# From dstackai/dstack, src/dstack/_internal/core/models/volumes.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
import uuid
from datetime import datetime
from enum import Enum
from typing import Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.common import CoreModel


class VolumeStatus(str, Enum):
    SUBMITTED = "submitted"
    PROVISIONING = "provisioning"
    ACTIVE = "active"
    FAILED = "failed"


class VolumeConfiguration(CoreModel):
    type: str = "volume"
    name: Optional[str] = None
    backend: BackendType
    region: str
    size: Optional[int] = None
    volume_id: Optional[str] = None


class VolumeProvisioningData(CoreModel):
    backend: Optional[BackendType] = None
    volume_id: str
    size_gb: int
    availability_zone: Optional[str] = None
    price: Optional[float] = None
    # True if backend supports and uses attachment/detachment
    attachable: bool = True
    # True if backend requires explicit volume detachment
    detachable: bool = True
    backend_data: Optional[str] = None


class VolumeAttachmentData(CoreModel):
    device_name: Optional[str] = None


class Volume(CoreModel):
    id: uuid.UUID
    name: str
    # Default user to "" for client backward compatibility (old 0.18 servers).
    # TODO: Remove in 0.19
    user: str = ""
    project_name: str
    configuration: VolumeConfiguration
    external: bool
    created_at: datetime
    status: VolumeStatus
    status_message: Optional[str] = None
    deleted: bool
    volume_id: Optional[str] = None
    provisioning_data: Optional[VolumeProvisioningData] = None
    attachment_data: Optional[VolumeAttachmentData] = None
