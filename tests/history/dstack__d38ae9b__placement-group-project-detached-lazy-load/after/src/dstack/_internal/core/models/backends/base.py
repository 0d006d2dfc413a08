# From dstackai/dstack, src/dstack/_internal/core/models/backends/base.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import enum


class BackendType(str, enum.Enum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    NEBIUS = "nebius"
