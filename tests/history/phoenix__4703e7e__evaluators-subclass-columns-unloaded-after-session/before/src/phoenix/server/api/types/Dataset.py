# From Arize-ai/phoenix, src/phoenix/server/api/types/Dataset.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent), reduced.
from typing import Optional

import strawberry
from sqlalchemy import select
from strawberry import UNSET
from strawberry.relay import Node, NodeID
from strawberry.types import Info

from phoenix.db import models
from phoenix.server.api.context import Context
from phoenix.server.api.types.Evaluator import CodeEvaluator, Evaluator, LLMEvaluator
from phoenix.server.api.types.pagination import (
    Connection,
    ConnectionArgs,
    CursorString,
    connection_from_list,
)


@strawberry.type
class Dataset(Node):
    id: NodeID[int]

    @strawberry.field
    async def evaluators(
        self,
        info: Info[Context, None],
        first: Optional[int] = 50,
        last: Optional[int] = UNSET,
        after: Optional[CursorString] = UNSET,
        before: Optional[CursorString] = UNSET,
    ) -> Connection[Evaluator]:
        """Returns all evaluators associated with this dataset."""
        args = ConnectionArgs(
            first=first,
            after=after if isinstance(after, CursorString) else None,
            last=last,
            before=before if isinstance(before, CursorString) else None,
        )
        stmt = (
            select(models.Evaluator)
            .join(models.DatasetsEvaluators)
            .where(models.DatasetsEvaluators.dataset_id == self.id)
            .order_by(models.Evaluator.id.desc())
        )
        async with info.context.db() as session:
            evaluators = await session.scalars(stmt)
        data: list[Evaluator] = []
        for evaluator in evaluators:
            if isinstance(evaluator, models.LLMEvaluator):
                data.append(LLMEvaluator(id=evaluator.id, db_record=evaluator))
            elif isinstance(evaluator, models.CodeEvaluator):
                data.append(CodeEvaluator(id=evaluator.id, db_record=evaluator))
            else:
                raise ValueError(f"Unknown evaluator type: {type(evaluator)}")
        return connection_from_list(data=data, args=args)
