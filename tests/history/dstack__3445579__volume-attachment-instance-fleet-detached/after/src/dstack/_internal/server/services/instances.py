# From dstackai/dstack, src/dstack/_internal/server/services/instances.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from typing import Optional

from dstack._internal.core.models.runs import JobProvisioningData
from dstack._internal.server.models import InstanceModel


def get_instance_provisioning_data(instance_model: InstanceModel) -> Optional[JobProvisioningData]:
    if instance_model.job_provisioning_data is None:
        return None
    return JobProvisioningData.parse_raw(instance_model.job_provisioning_data)
