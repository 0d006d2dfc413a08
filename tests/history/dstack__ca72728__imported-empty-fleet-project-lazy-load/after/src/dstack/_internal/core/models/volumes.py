# From dstackai/dstack, src/dstack/_internal/core/models/volumes.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from typing import Optional

from dstack._internal.core.models.common import CoreModel


class Volume(CoreModel):
    name: str
    project_name: str
    user: str
    external: bool
    volume_id: Optional[str] = None
