# From Arize-ai/phoenix, src/phoenix/server/api/queries.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent), reduced.
from typing import Optional

import strawberry
from sqlalchemy import select
from sqlalchemy.orm import with_polymorphic
from strawberry import UNSET
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
class Query:
    @strawberry.field
    async def evaluators(
        self,
        info: Info[Context, None],
        first: Optional[int] = 50,
        last: Optional[int] = UNSET,
        after: Optional[CursorString] = UNSET,
        before: Optional[CursorString] = UNSET,
    ) -> Connection[Evaluator]:
        args = ConnectionArgs(
            first=first,
            after=after if isinstance(after, CursorString) else None,
            last=last,
            before=before if isinstance(before, CursorString) else None,
        )
        # The resolvers on the various evaluator GraphQL types read from the ORM, so we need to
        # ensure that all fields of the polymorphic ORMs are loaded, not just the fields of the
        # base `evaluators` table.
        PolymorphicEvaluator = with_polymorphic(
            models.Evaluator, [models.LLMEvaluator, models.CodeEvaluator]
        )  # eagerly join sub-classed evaluator tables
        query = select(PolymorphicEvaluator).order_by(PolymorphicEvaluator.name.asc())

        async with info.context.db() as session:
            evaluators = await session.scalars(query)
        data: list[Evaluator] = []
        for evaluator in evaluators:
            if isinstance(evaluator, models.LLMEvaluator):
                data.append(LLMEvaluator(id=evaluator.id, db_record=evaluator))
            elif isinstance(evaluator, models.CodeEvaluator):
                data.append(CodeEvaluator(id=evaluator.id, db_record=evaluator))
            else:
                raise ValueError(f"Unknown evaluator type: {type(evaluator)}")
        return connection_from_list(data=data, args=args)
