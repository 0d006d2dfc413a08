# From polarsource/polar, server/polar/kit/services.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from __future__ import annotations

from typing import Any, Generic, Sequence, TypeVar
from uuid import UUID

from sqlalchemy.orm import InstrumentedAttribute

from .db.postgres import AsyncSession, sql

ModelType = TypeVar("ModelType")


class ResourceServiceReader(
    Generic[ModelType],
):
    def __init__(self, model: type[ModelType]) -> None:
        self.model = model

    async def get(
        self, session: AsyncSession, id: UUID, allow_deleted: bool = False
    ) -> ModelType | None:
        query = sql.select(self.model).where(self.model.id == id)
        res = await session.execute(query)
        return res.scalars().unique().one_or_none()

    async def get_by(self, session: AsyncSession, **clauses: Any) -> ModelType | None:
        query = sql.select(self.model).filter_by(**clauses)
        res = await session.execute(query)
        return res.scalars().unique().one_or_none()


class ResourceService(
    ResourceServiceReader[ModelType],
):
    async def upsert_many(
        self,
        session: AsyncSession,
        create_schemas: list[dict[str, Any]],
        constraints: list[InstrumentedAttribute[Any]],
        mutable_keys: set[str],
        autocommit: bool = True,
    ) -> Sequence[ModelType]:
        return await self._db_upsert_many(
            session,
            create_schemas,
            constraints=constraints,
            mutable_keys=mutable_keys,
            autocommit=autocommit,
        )

    async def _db_upsert_many(
        self,
        session: AsyncSession,
        objects: list[dict[str, Any]],
        constraints: list[InstrumentedAttribute[Any]],
        mutable_keys: set[str],
        autocommit: bool = True,
    ) -> Sequence[ModelType]:
        values = list(objects)
        if not values:
            raise ValueError("Zero values provided")

        insert_stmt = sql.insert(self.model).values(values)

        # Update the insert statement with what to update on conflict, i.e mutable keys.
        upsert_stmt = (
            insert_stmt.on_conflict_do_update(
                index_elements=constraints,
                set_={k: getattr(insert_stmt.excluded, k) for k in mutable_keys},
            )
            .returning(self.model)
            .execution_options(populate_existing=True)
        )

        res = await session.execute(upsert_stmt)
        instances = res.scalars().all()
        if autocommit:
            await session.commit()
        return instances
