# From polarsource/polar, server/polar/kit/repository/base.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
# (PEP 695 'type X = ...' aliases and 'class C[T]' generics written the pre-3.12 way so the linter's Python parses them.)
from collections.abc import Sequence
from typing import Generic, Self, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.sql.base import ExecutableOption

from polar.kit.db.postgres import AsyncReadSession, AsyncSession

M = TypeVar("M")

Options = Sequence[ExecutableOption]


class RepositoryBase(Generic[M]):
    model: type[M]

    def __init__(self, session: AsyncSession | AsyncReadSession) -> None:
        self.session = session

    async def get_one(self, statement: Select[tuple[M]]) -> M:
        result = await self.session.execute(statement)
        return result.unique().scalar_one()

    async def get_one_or_none(self, statement: Select[tuple[M]]) -> M | None:
        result = await self.session.execute(statement)
        return result.unique().scalar_one_or_none()

    def get_base_statement(self) -> Select[tuple[M]]:
        return select(self.model)

    @classmethod
    def from_session(cls, session: AsyncSession | AsyncReadSession) -> Self:
        return cls(session)
