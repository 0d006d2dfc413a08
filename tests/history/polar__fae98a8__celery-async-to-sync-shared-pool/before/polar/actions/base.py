# From polarsource/polar, server/polar/actions/base.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from __future__ import annotations

from typing import Any, Generic, TypeVar

from polar.models import RecordModel
from polar.postgres import AsyncSession, sql

ModelType = TypeVar("ModelType", bound=RecordModel)


class Action(Generic[ModelType]):
    def __init__(self, model: type[ModelType]) -> None:
        self.model = model

    async def get_by(self, session: AsyncSession, **clauses: Any) -> ModelType | None:
        query = sql.select(self.model).filter_by(**clauses)
        return await self.get_by_query(session, query)

    async def get_by_query(
        self, session: AsyncSession, query: sql.Select
    ) -> ModelType | None:
        res = await session.execute(query)
        return res.scalars().one_or_none()
