# From dstackai/dstack, src/dstack/_internal/server/services/instances.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from typing import Optional

from dstack._internal.core.models.runs import JobProvisioningData
from dstack._internal.server.models import InstanceModel


def get_instance_configuration(instance_model: InstanceModel):
    return instance_model.instance_configuration


def get_instance_profile(instance_model: InstanceModel):
    return instance_model.profile


def get_instance_requirements(instance_model: InstanceModel):
    return instance_model.requirements


def get_instance_provisioning_data(instance_model: InstanceModel) -> Optional[JobProvisioningData]:
    if instance_model.job_provisioning_data is None:
        return None
    return JobProvisioningData.parse_raw(instance_model.job_provisioning_data)


def is_ssh_instance(instance_model: InstanceModel) -> bool:
    return instance_model.backend is None
