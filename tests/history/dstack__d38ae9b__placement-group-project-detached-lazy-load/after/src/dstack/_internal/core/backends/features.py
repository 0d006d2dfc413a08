# From dstackai/dstack, src/dstack/_internal/core/backends/features.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from dstack._internal.core.models.backends.base import BackendType

BACKENDS_WITH_CREATE_INSTANCE_SUPPORT = [
    BackendType.AWS,
    BackendType.AZURE,
    BackendType.GCP,
    BackendType.NEBIUS,
]
BACKENDS_WITH_PLACEMENT_GROUPS_SUPPORT = [
    BackendType.AWS,
    BackendType.GCP,
    BackendType.NEBIUS,
]
