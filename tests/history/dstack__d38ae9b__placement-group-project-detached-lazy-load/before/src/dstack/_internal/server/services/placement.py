# From dstackai/dstack, src/dstack/_internal/server/services/placement.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from typing import Optional
from uuid import UUID

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from dstack._internal.core.models.placement import (
    PlacementGroup,
    PlacementGroupConfiguration,
    PlacementGroupProvisioningData,
)
from dstack._internal.server.models import PlacementGroupModel
from dstack._internal.utils.logging import get_logger

logger = get_logger(__name__)


def placement_group_model_to_placement_group(
    placement_group_model: PlacementGroupModel,
) -> PlacementGroup:
    configuration = get_placement_group_configuration(placement_group_model)
    provisioning_data = get_placement_group_provisioning_data(placement_group_model)
    return PlacementGroup(
        name=placement_group_model.name,
        project_name=placement_group_model.project.name,
        configuration=configuration,
        provisioning_data=provisioning_data,
    )


def placement_group_model_to_placement_group_optional(
    placement_group_model: Optional[PlacementGroupModel],
) -> Optional[PlacementGroup]:
    if placement_group_model is None:
        return None
    return placement_group_model_to_placement_group(placement_group_model)


def get_placement_group_configuration(
    placement_group_model: PlacementGroupModel,
) -> PlacementGroupConfiguration:
    return PlacementGroupConfiguration.__response__.parse_raw(placement_group_model.configuration)


def get_placement_group_provisioning_data(
    placement_group_model: PlacementGroupModel,
) -> Optional[PlacementGroupProvisioningData]:
    if placement_group_model.provisioning_data is None:
        return None
    return PlacementGroupProvisioningData.__response__.parse_raw(
        placement_group_model.provisioning_data
    )


async def get_fleet_placement_group_models(
    session: AsyncSession,
    fleet_id: Optional[UUID],
) -> list[PlacementGroupModel]:
    if fleet_id is None:
        return []
    res = await session.execute(
        select(PlacementGroupModel).where(
            and_(
                PlacementGroupModel.fleet_id == fleet_id,
                PlacementGroupModel.deleted == False,
                PlacementGroupModel.fleet_deleted == False,
            )
        )
    )
    return list(res.scalars().all())
