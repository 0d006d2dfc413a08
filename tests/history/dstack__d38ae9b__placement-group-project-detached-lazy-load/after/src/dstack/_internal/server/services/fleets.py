# From dstackai/dstack, src/dstack/_internal/server/services/fleets.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import json
from typing import List, Literal, Optional, Tuple, Union

from dstack._internal.core.models.instances import InstanceOfferWithAvailability
from dstack._internal.core.models.placement import PlacementGroup
from dstack._internal.core.models.runs import JobProvisioningData
from dstack._internal.server.models import FleetModel, ProjectModel


def is_cloud_cluster(fleet_model: FleetModel) -> bool:
    fleet_spec = json.loads(fleet_model.spec)
    return (
        fleet_spec["configuration"].get("placement") == "cluster"
        and fleet_spec["configuration"].get("ssh_config") is None
    )


async def get_fleet_offers(
    project: ProjectModel,
    profile,
    requirements,
    fleet_model: Optional[FleetModel] = None,
    placement_group: Optional[PlacementGroup] = None,
    blocks: Union[int, Literal["auto"]] = 1,
    exclude_not_available: bool = False,
    master_job_provisioning_data: Optional[JobProvisioningData] = None,
    infer_master_job_provisioning_data_from_fleet_instances: bool = True,
    include_only_create_instance_supported_backends: bool = False,
) -> List[Tuple[object, InstanceOfferWithAvailability]]:
    raise NotImplementedError()
