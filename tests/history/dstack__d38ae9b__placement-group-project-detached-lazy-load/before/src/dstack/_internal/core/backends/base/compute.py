# From dstackai/dstack, src/dstack/_internal/core/backends/base/compute.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import random
import string
from abc import ABC, abstractmethod
from typing import Optional

from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.core.models.instances import InstanceOffer, InstanceOfferWithAvailability
from dstack._internal.core.models.placement import PlacementGroup, PlacementGroupProvisioningData
from dstack._internal.core.models.runs import JobProvisioningData

_DEFAULT_MAX_RESOURCE_NAME_LEN = 60


class ComputeWithCreateInstanceSupport(ABC):
    @abstractmethod
    def create_instance(
        self,
        instance_offer: InstanceOfferWithAvailability,
        instance_config,
        placement_group: Optional[PlacementGroup],
    ) -> JobProvisioningData:
        pass


class ComputeWithPlacementGroupSupport(ABC):
    """
    Must be subclassed and implemented to support placement groups.
    """

    @abstractmethod
    def create_placement_group(
        self,
        placement_group: PlacementGroup,
        master_instance_offer: InstanceOffer,
    ) -> PlacementGroupProvisioningData:
        pass

    @abstractmethod
    def delete_placement_group(
        self,
        placement_group: PlacementGroup,
    ):
        pass

    @abstractmethod
    def is_suitable_placement_group(
        self,
        placement_group: PlacementGroup,
        instance_offer: InstanceOffer,
    ) -> bool:
        pass

    def are_placement_groups_compatible_with_reservations(self, backend_type: BackendType) -> bool:
        return True


def generate_unique_placement_group_name(
    project_name: str,
    fleet_name: str,
    max_length: int = _DEFAULT_MAX_RESOURCE_NAME_LEN,
) -> str:
    """
    Generates a unique placement group name valid across all backends.
    """
    return generate_unique_backend_name(
        resource_name=fleet_name,
        project_name=project_name,
        max_length=max_length,
    )


def generate_unique_backend_name(
    resource_name: str,
    project_name: Optional[str],
    max_length: int,
) -> str:
    suffix = "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(8))
    prefix = f"dstack-{project_name}-{resource_name}" if project_name else f"dstack-{resource_name}"
    return f"{prefix[: max_length - 9]}-{suffix}"
