# From dstackai/dstack, src/dstack/_internal/core/models/backends/base.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
import enum


class BackendType(str, enum.Enum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    RUNPOD = "runpod"
