# From dstackai/dstack, src/dstack/_internal/core/models/fleets.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
import uuid
from datetime import datetime
from enum import Enum
from typing import List, Optional

from dstack._internal.core.models.common import CoreConfig, CoreModel, generate_dual_core_model
from dstack._internal.core.models.instances import Instance
from dstack._internal.core.models.profiles import Profile


class FleetStatus(str, Enum):
    # Currently all fleets are ACTIVE/TERMINATING/TERMINATED
    # SUBMITTED/FAILED may be used if fleets require async processing
    SUBMITTED = "submitted"
    ACTIVE = "active"
    TERMINATING = "terminating"
    TERMINATED = "terminated"
    FAILED = "failed"


class InstanceGroupPlacement(str, Enum):
    ANY = "any"
    CLUSTER = "cluster"


class SSHParams(CoreModel):
    user: Optional[str] = None
    port: Optional[int] = None
    identity_file: Optional[str] = None
    hosts: List[str]


class FleetNodesSpec(CoreModel):
    min: int
    target: int
    max: Optional[int] = None


class FleetConfiguration(CoreModel):
    type: str = "fleet"
    name: Optional[str] = None
    ssh_config: Optional[SSHParams] = None
    nodes: Optional[FleetNodesSpec] = None
    placement: Optional[InstanceGroupPlacement] = None
    blocks: int = 1


class FleetSpecConfig(CoreConfig):
    pass


class FleetSpec(generate_dual_core_model(FleetSpecConfig)):
    configuration: FleetConfiguration
    configuration_path: Optional[str] = None
    profile: Profile
    autocreated: bool = False
    merged_profile: Profile = None


class Fleet(CoreModel):
    id: uuid.UUID
    name: str
    project_name: str
    spec: FleetSpec
    created_at: datetime
    status: FleetStatus
    status_message: Optional[str] = None
    instances: List[Instance]
