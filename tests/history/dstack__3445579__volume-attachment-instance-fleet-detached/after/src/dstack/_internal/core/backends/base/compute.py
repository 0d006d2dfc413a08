# From dstackai/dstack, src/dstack/_internal/core/backends/base/compute.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from abc import ABC, abstractmethod

from dstack._internal.core.models.runs import JobProvisioningData
from dstack._internal.core.models.volumes import Volume, VolumeAttachmentData


class Compute(ABC):
    pass


class ComputeWithVolumeSupport(ABC):
    """
    Must be subclassed and implemented to support volumes.
    """

    @abstractmethod
    def attach_volume(
        self, volume: Volume, provisioning_data: JobProvisioningData
    ) -> VolumeAttachmentData:
        """
        Attaches a volume to the instance.
        If the volume is not found, it should raise `ComputeError()`.
        Implement only if compute may return `VolumeProvisioningData.attachable`.
        Otherwise, volumes should be attached by `run_job()`.
        """
        raise NotImplementedError()
