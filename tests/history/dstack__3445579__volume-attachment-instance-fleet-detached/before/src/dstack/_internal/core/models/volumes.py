# From dstackai/dstack, src/dstack/_internal/core/models/volumes.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
import uuid
from datetime import datetime
from enum import Enum
from typing import List, Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.common import CoreModel


class VolumeStatus(str, Enum):
    SUBMITTED = "submitted"
    PROVISIONING = "provisioning"
    ACTIVE = "active"
    FAILED = "failed"

    def is_active(self) -> bool:
        return self not in [self.FAILED]


class VolumeConfiguration(CoreModel):
    type: str = "volume"
    backend: BackendType
    name: Optional[str] = None
    region: str
    size: Optional[int] = None
    volume_id: Optional[str] = None

    @property
    def is_external(self) -> bool:
        return self.volume_id is not None


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


class VolumeInstance(CoreModel):
    name: str
    fleet_name: Optional[str] = None
    instance_num: int
    instance_id: Optional[str] = None


class VolumeAttachment(CoreModel):
    instance: VolumeInstance
    attachment_data: Optional[VolumeAttachmentData] = None


class Volume(CoreModel):
    id: uuid.UUID
    name: str
    user: str
    project_name: str
    configuration: VolumeConfiguration
    external: bool
    created_at: datetime
    last_processed_at: datetime
    status: VolumeStatus
    status_message: Optional[str] = None
    deleted: bool
    deleted_at: Optional[datetime] = None
    volume_id: Optional[str] = None
    provisioning_data: Optional[VolumeProvisioningData] = None
    cost: float = 0
    attachments: Optional[List[VolumeAttachment]] = None
    attachment_data: Optional[VolumeAttachmentData] = None

    def get_backend(self) -> BackendType:
        return self.configuration.backend

    def get_region(self) -> str:
        """
        Returns the volume region or an empty string if the volume (that is, its backend)
        has no such thing as a "region".
        """
        return self.configuration.region
