# From dstackai/dstack, src/dstack/_internal/core/models/backends/base.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
import enum


class BackendType(str, enum.Enum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    NEBIUS = "nebius"
    RUNPOD = "runpod"
