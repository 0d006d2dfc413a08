# From dstackai/dstack, src/dstack/_internal/server/services/fleets.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from dstack._internal.core.models.fleets import Fleet, FleetSpec
from dstack._internal.server.models import FleetModel
from dstack._internal.server.services import instances as instances_services


def fleet_model_to_fleet(
    fleet_model: FleetModel,
    include_deleted_instances: bool = False,
    include_sensitive: bool = False,
) -> Fleet:
    instance_models = fleet_model.instances
    if not include_deleted_instances:
        instance_models = [i for i in instance_models if not i.deleted]
    instances = [instances_services.instance_model_to_instance(i) for i in instance_models]
    instances = sorted(instances, key=lambda i: i.instance_num)
    spec = get_fleet_spec(fleet_model)
    if not include_sensitive:
        _remove_fleet_spec_sensitive_info(spec)
    return Fleet(
        id=fleet_model.id,
        name=fleet_model.name,
        project_name=fleet_model.project.name,
        spec=spec,
        created_at=fleet_model.created_at,
        status=fleet_model.status,
        status_message=fleet_model.status_message,
        instances=instances,
    )


def get_fleet_spec(fleet_model: FleetModel) -> FleetSpec:
    return FleetSpec.__response__.parse_raw(fleet_model.spec)


def _remove_fleet_spec_sensitive_info(spec: FleetSpec):
    if spec.configuration.ssh_config is not None:
        spec.configuration.ssh_config.identity_file = None


def can_create_new_cloud_instance_in_fleet(fleet_model: FleetModel, fleet_spec: FleetSpec) -> bool:
    if fleet_spec.configuration.ssh_config is not None:
        return False
    active_instances = [i for i in fleet_model.instances if i.status.is_active()]
    # nodes.max is a soft limit that can be exceeded when provisioning concurrently.
    # The fleet consolidation logic will remove redundant nodes eventually.
    if (
        fleet_spec.configuration.nodes is not None
        and fleet_spec.configuration.nodes.max is not None
        and len(active_instances) >= fleet_spec.configuration.nodes.max
    ):
        return False
    return True


def check_can_create_new_cloud_instance_in_fleet(fleet_model: FleetModel, fleet_spec: FleetSpec):
    if not can_create_new_cloud_instance_in_fleet(fleet_model, fleet_spec):
        raise ValueError("Cannot fit new cloud instance into fleet")
