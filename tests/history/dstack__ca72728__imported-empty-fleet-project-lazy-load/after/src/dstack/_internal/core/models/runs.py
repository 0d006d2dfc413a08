# From dstackai/dstack, src/dstack/_internal/core/models/runs.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from enum import Enum
from typing import List, Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.common import CoreModel
from dstack._internal.core.models.instances import InstanceOfferWithAvailability
from dstack._internal.core.models.profiles import Profile


class JobStatus(str, Enum):
    SUBMITTED = "submitted"
    PROVISIONING = "provisioning"
    RUNNING = "running"
    TERMINATING = "terminating"
    TERMINATED = "terminated"


class Requirements(CoreModel):
    max_price: Optional[float] = None
    spot: Optional[bool] = None
    multinode: bool = False


class JobSpec(CoreModel):
    replica_num: int = 0
    job_num: int
    job_name: str
    jobs_per_replica: int = 1
    privileged: bool = False
    requirements: Requirements


class Job(CoreModel):
    job_spec: JobSpec


class JobProvisioningData(CoreModel):
    backend: BackendType
    instance_id: str
    hostname: Optional[str] = None
    region: str
    price: float


class JobPlan(CoreModel):
    job_spec: JobSpec
    offers: List[InstanceOfferWithAvailability]
    total_offers: int
    max_price: Optional[float] = None


class RunConfiguration(CoreModel):
    type: str
    commands: List[str] = []


class RunSpec(CoreModel):
    run_name: Optional[str] = None
    configuration: RunConfiguration
    profile: Optional[Profile] = None
    merged_profile: Profile = None
