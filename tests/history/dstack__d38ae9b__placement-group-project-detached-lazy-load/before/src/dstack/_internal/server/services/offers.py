# From dstackai/dstack, src/dstack/_internal/server/services/offers.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from dstack._internal.core.models.instances import InstanceOfferWithAvailability
from dstack._internal.core.models.runs import JobProvisioningData


def get_instance_offer_with_restricted_az(
    instance_offer: InstanceOfferWithAvailability,
    master_job_provisioning_data: JobProvisioningData,
) -> InstanceOfferWithAvailability:
    instance_offer = instance_offer.copy()
    if master_job_provisioning_data.availability_zone is not None:
        instance_offer.availability_zones = [master_job_provisioning_data.availability_zone]
    return instance_offer
