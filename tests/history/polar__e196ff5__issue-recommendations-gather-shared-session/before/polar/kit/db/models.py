# From polarsource/polar, server/polar/kit/db/models/base.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from uuid import UUID

from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Model(DeclarativeBase):
    __abstract__ = True


class RecordModel(Model):
    __abstract__ = True

    id: Mapped[UUID] = mapped_column(primary_key=True)
