# From dstackai/dstack, src/dstack/_internal/server/schemas/volumes.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
from datetime import datetime
from typing import Optional
from uuid import UUID

from pydantic import Field

from dstack._internal.core.models.common import CoreModel


class ListVolumesRequest(CoreModel):
    project_name: Optional[str]
    only_active: bool = False
    prev_created_at: Optional[datetime]
    prev_id: Optional[UUID]
    limit: int = Field(100, ge=0, le=100)
    ascending: bool = False
