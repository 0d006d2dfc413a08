# From polarsource/polar, server/polar/models/checkout.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import TIMESTAMP, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Model(DeclarativeBase):
    pass


class Checkout(Model):
    __tablename__ = "checkouts"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    client_secret: Mapped[str] = mapped_column(String, index=True, unique=True)
    expires_at: Mapped[datetime] = mapped_column(TIMESTAMP(timezone=True))

    @property
    def is_expired(self) -> bool:
        return self.expires_at < datetime.now(UTC)


__all__ = ["Checkout"]
