# From polarsource/polar, server/polar/issue/service.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from __future__ import annotations

from uuid import UUID

from polar.kit.services import ResourceService
from polar.models import Issue
from polar.postgres import AsyncSession, sql


class IssueService(ResourceService[Issue]):
    async def get_loaded(
        self,
        session: AsyncSession,
        id: UUID,
    ) -> Issue | None:
        statement = sql.select(Issue).where(Issue.id == id)
        res = await session.execute(statement)
        return res.scalars().unique().one_or_none()


issue = IssueService(Issue)
