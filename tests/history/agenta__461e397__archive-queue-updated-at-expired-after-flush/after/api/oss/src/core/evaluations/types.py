# From Agenta-AI/agenta, api/oss/src/core/evaluations/types.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from typing import Optional, List
from enum import Enum
from uuid import UUID

from pydantic import BaseModel

from oss.src.core.shared.dtos import (
    Version,
    Identifier,
    Lifecycle,
    Header,
    Metadata,
)


class EvaluationStatus(str, Enum):
    PENDING = "pending"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCESS = "success"
    FAILURE = "failure"
    ERRORS = "errors"
    CANCELLED = "cancelled"


class EvaluationQueueFlags(BaseModel):
    is_sequential: bool = False
    is_default: bool = False


class EvaluationQueueData(BaseModel):
    user_ids: Optional[List[List[UUID]]] = None
    scenario_ids: Optional[List[UUID]] = None
    step_keys: Optional[List[str]] = None
    batch_size: Optional[int] = None
    batch_offset: Optional[int] = None


class EvaluationQueue(Version, Identifier, Lifecycle, Header, Metadata):
    flags: Optional[EvaluationQueueFlags] = None  # type: ignore

    status: Optional[EvaluationStatus] = EvaluationStatus.PENDING

    data: Optional[EvaluationQueueData] = None

    run_id: UUID
