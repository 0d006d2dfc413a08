# From polarsource/polar, server/polar/models/organization.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from uuid import UUID

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class RecordModel(DeclarativeBase):
    __abstract__ = True

    id: Mapped[UUID] = mapped_column(primary_key=True)


class Organization(RecordModel):
    __tablename__ = "organizations"

    platform: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    name: Mapped[str] = mapped_column(String(50))


__all__ = ["Organization"]
