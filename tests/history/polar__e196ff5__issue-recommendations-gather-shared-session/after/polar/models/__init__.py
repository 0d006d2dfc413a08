# From polarsource/polar, server/polar/models/*.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from uuid import UUID

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from polar.kit.db.models import RecordModel

from .user import User


class Organization(RecordModel):
    __tablename__ = "organizations"

    external_id: Mapped[int] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(50))


class Repository(RecordModel):
    __tablename__ = "repositories"

    external_id: Mapped[int] = mapped_column(unique=True)
    organization_id: Mapped[UUID] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String)


class Issue(RecordModel):
    __tablename__ = "issues"

    external_id: Mapped[int] = mapped_column(unique=True)
    organization_id: Mapped[UUID] = mapped_column(ForeignKey("organizations.id"))
    repository_id: Mapped[UUID] = mapped_column(ForeignKey("repositories.id"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String)


__all__ = ["Issue", "Organization", "Repository", "User"]
