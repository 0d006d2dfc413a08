# From dstackai/dstack, src/dstack/_internal/server/services/volumes.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from datetime import timedelta
from typing import Optional

from dstack._internal.core.models.volumes import (
    Volume,
    VolumeAttachment,
    VolumeAttachmentData,
    VolumeConfiguration,
    VolumeInstance,
    VolumeProvisioningData,
)
from dstack._internal.server.models import InstanceModel, VolumeAttachmentModel, VolumeModel
from dstack._internal.server.services.instances import get_instance_provisioning_data
from dstack._internal.utils import common

_VOLUME_PRICING_PERIOD = timedelta(days=30)


def volume_model_to_volume(volume_model: VolumeModel) -> Volume:
    configuration = get_volume_configuration(volume_model)
    vpd = get_volume_provisioning_data(volume_model)
    vad = get_volume_attachment_data(volume_model)
    # Initially VolumeProvisionigData lacked backend
    if vpd is not None and vpd.backend is None:
        vpd.backend = configuration.backend
    attachments = []
    for volume_attachment_model in volume_model.attachments:
        instance = volume_attachment_model.instance
        attachments.append(
            VolumeAttachment(
                instance=instance_model_to_volume_instance(instance),
                attachment_data=get_attachment_data(volume_attachment_model),
            )
        )
    deleted_at = None
    if volume_model.deleted_at is not None:
        deleted_at = volume_model.deleted_at
    volume = Volume(
        name=volume_model.name,
        project_name=volume_model.project.name,
        user=volume_model.user.name,
        configuration=configuration,
        external=configuration.is_external,
        created_at=volume_model.created_at,
        last_processed_at=volume_model.last_processed_at,
        status=volume_model.status,
        status_message=volume_model.status_message,
        deleted=volume_model.deleted,
        deleted_at=deleted_at,
        volume_id=vpd.volume_id if vpd is not None else None,
        provisioning_data=vpd,
        attachments=attachments,
        attachment_data=vad,
        id=volume_model.id,
    )
    volume.cost = _get_volume_cost(volume)
    return volume


def get_volume_configuration(volume_model: VolumeModel) -> VolumeConfiguration:
    return VolumeConfiguration.parse_raw(volume_model.configuration)


def get_volume_provisioning_data(volume_model: VolumeModel) -> Optional[VolumeProvisioningData]:
    if volume_model.volume_provisioning_data is None:
        return None
    return VolumeProvisioningData.parse_raw(volume_model.volume_provisioning_data)


def get_volume_attachment_data(volume_model: VolumeModel) -> Optional[VolumeAttachmentData]:
    if volume_model.volume_attachment_data is None:
        return None
    return VolumeAttachmentData.parse_raw(volume_model.volume_attachment_data)


def get_attachment_data(
    volume_attachment_model: VolumeAttachmentModel,
) -> Optional[VolumeAttachmentData]:
    if volume_attachment_model.attachment_data is None:
        return None
    return VolumeAttachmentData.parse_raw(volume_attachment_model.attachment_data)


def instance_model_to_volume_instance(instance_model: InstanceModel) -> VolumeInstance:
    instance_id = None
    jpd = get_instance_provisioning_data(instance_model)
    if jpd is not None:
        instance_id = jpd.instance_id
    return VolumeInstance(
        name=instance_model.name,
        fleet_name=instance_model.fleet.name if instance_model.fleet else None,
        instance_num=instance_model.instance_num,
        instance_id=instance_id,
    )


def _get_volume_cost(volume: Volume) -> float:
    if volume.provisioning_data is None or volume.provisioning_data.price is None:
        return 0.0
    finished_at = common.get_current_datetime()
    if volume.deleted_at:
        finished_at = volume.deleted_at
    elif not volume.status.is_active():
        finished_at = volume.last_processed_at
    volume_age = finished_at - volume.created_at
    return (
        volume_age.total_seconds()
        * volume.provisioning_data.price
        / _VOLUME_PRICING_PERIOD.total_seconds()
    )
