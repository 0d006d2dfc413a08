# From dstackai/dstack, src/dstack/_internal/core/models/backends/base.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
import enum


class BackendType(str, enum.Enum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    RUNPOD = "runpod"
