# From dstackai/dstack, src/dstack/_internal/core/models/backends/base.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
import enum


class BackendType(str, enum.Enum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    NEBIUS = "nebius"
    REMOTE = "remote"
