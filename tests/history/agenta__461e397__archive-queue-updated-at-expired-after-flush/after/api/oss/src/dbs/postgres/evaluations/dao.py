# From Agenta-AI/agenta, api/oss/src/dbs/postgres/evaluations/dao.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from typing import Optional
from uuid import UUID
from datetime import datetime, timezone

from sqlalchemy.future import select

from oss.src.utils.logging import get_module_logger
from oss.src.utils.exceptions import suppress_exceptions

from oss.src.core.evaluations.interfaces import EvaluationsDAOInterface
from oss.src.core.evaluations.types import (
    EvaluationQueue,
)

from oss.src.dbs.postgres.shared.engine import (
    TransactionsEngine,
    get_transactions_engine,
)
from oss.src.dbs.postgres.evaluations.mappings import (
    create_dto_from_dbe,
)
from oss.src.dbs.postgres.evaluations.dbes import (
    EvaluationQueueDBE,
)


log = get_module_logger(__name__)


class EvaluationsDAO(EvaluationsDAOInterface):
    def __init__(self, engine: TransactionsEngine = None):
        if engine is None:
            engine = get_transactions_engine()
        self.engine = engine

    # - EVALUATION QUEUE -------------------------------------------------------

    @suppress_exceptions()
    async def fetch_queue(
        self,
        *,
        project_id: UUID,
        #
        queue_id: UUID,
    ) -> Optional[EvaluationQueue]:
        async with self.engine.session() as session:
            stmt = select(EvaluationQueueDBE).filter(
                EvaluationQueueDBE.project_id == project_id,
            )

            stmt = stmt.filter(
                EvaluationQueueDBE.id == queue_id,
            )

            stmt = stmt.limit(1)

            res = await session.execute(stmt)

            queue_dbe = res.scalars().first()

            if queue_dbe is None:
                return None

            _queue = create_dto_from_dbe(
                DTO=EvaluationQueue,
                dbe=queue_dbe,
            )

            return _queue

    @suppress_exceptions()
    async def archive_queue(
        self,
        *,
        project_id: UUID,
        user_id: UUID,
        queue_id: UUID,
    ) -> Optional[EvaluationQueue]:
        async with self.engine.session() as session:
            stmt = (
                select(EvaluationQueueDBE)
                .filter(
                    EvaluationQueueDBE.project_id == project_id,
                    EvaluationQueueDBE.id == queue_id,
                )
                .limit(1)
            )
            queue_dbe = (await session.execute(stmt)).scalars().first()
            if queue_dbe is None:
                return None

            now = datetime.now(timezone.utc)
            queue_dbe.deleted_at = now
            queue_dbe.deleted_by_id = user_id
            queue_dbe.updated_at = now
            queue_dbe.updated_by_id = user_id
            await session.commit()
            return create_dto_from_dbe(DTO=EvaluationQueue, dbe=queue_dbe)

    @suppress_exceptions()
    async def unarchive_queue(
        self,
        *,
        project_id: UUID,
        user_id: UUID,
        queue_id: UUID,
    ) -> Optional[EvaluationQueue]:
        async with self.engine.session() as session:
            stmt = (
                select(EvaluationQueueDBE)
                .filter(
                    EvaluationQueueDBE.project_id == project_id,
                    EvaluationQueueDBE.id == queue_id,
                )
                .limit(1)
            )
            queue_dbe = (await session.execute(stmt)).scalars().first()
            if queue_dbe is None:
                return None

            queue_dbe.deleted_at = None
            queue_dbe.deleted_by_id = None
            queue_dbe.updated_at = datetime.now(timezone.utc)
            queue_dbe.updated_by_id = user_id
            await session.commit()
            return create_dto_from_dbe(DTO=EvaluationQueue, dbe=queue_dbe)
