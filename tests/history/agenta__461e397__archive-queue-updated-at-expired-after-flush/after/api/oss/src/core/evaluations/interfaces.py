# From Agenta-AI/agenta, api/oss/src/core/evaluations/interfaces.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from typing import Optional
from uuid import UUID
from abc import ABC, abstractmethod

from oss.src.core.evaluations.types import (
    EvaluationQueue,
)


class EvaluationsDAOInterface(ABC):
    def __init__(
        self,
    ):
        raise NotImplementedError

    # - EVALUATION QUEUE -------------------------------------------------------

    @abstractmethod
    async def fetch_queue(
        self,
        *,
        project_id: UUID,
        #
        queue_id: UUID,
    ) -> Optional[EvaluationQueue]:
        raise NotImplementedError

    @abstractmethod
    async def archive_queue(
        self,
        *,
        project_id: UUID,
        user_id: UUID,
        queue_id: UUID,
    ) -> Optional[EvaluationQueue]:
        raise NotImplementedError

    @abstractmethod
    async def unarchive_queue(
        self,
        *,
        project_id: UUID,
        user_id: UUID,
        queue_id: UUID,
    ) -> Optional[EvaluationQueue]:
        raise NotImplementedError
