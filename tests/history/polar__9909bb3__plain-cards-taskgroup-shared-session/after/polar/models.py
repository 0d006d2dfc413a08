# From polarsource/polar, server/polar/models/{user,organization,user_organization,customer}.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
from uuid import UUID

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Model(DeclarativeBase):
    pass


class User(Model):
    __tablename__ = "users"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))


class Organization(Model):
    __tablename__ = "organizations"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String)


class UserOrganization(Model):
    __tablename__ = "user_organizations"

    user_id: Mapped[UUID] = mapped_column(ForeignKey("users.id"), primary_key=True)
    organization_id: Mapped[UUID] = mapped_column(
        ForeignKey("organizations.id"), primary_key=True
    )


class Customer(Model):
    __tablename__ = "customers"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
