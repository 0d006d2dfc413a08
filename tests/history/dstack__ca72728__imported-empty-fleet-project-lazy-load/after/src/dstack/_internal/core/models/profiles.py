# From dstackai/dstack, src/dstack/_internal/core/models/profiles.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from enum import Enum
from typing import List, Optional

from dstack._internal.core.models.common import CoreModel


class CreationPolicy(str, Enum):
    REUSE = "reuse"
    REUSE_OR_CREATE = "reuse-or-create"


class Profile(CoreModel):
    name: str = "default"
    fleets: Optional[List[str]] = None
    creation_policy: Optional[CreationPolicy] = None
