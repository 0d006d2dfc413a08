# From dstackai/dstack, src/dstack/_internal/server/background/pipeline_tasks/base.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass
class PipelineItem:
    """
    Pipelines can work with this class or its subclass if the worker needs to access extra attributes.
    """

    __tablename__: str
    id: uuid.UUID
    lock_expires_at: datetime
    lock_token: uuid.UUID
    prev_lock_expired: bool
