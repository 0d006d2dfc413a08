# From letta-ai/letta, letta/orm/base.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import Boolean, DateTime, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_mixin, mapped_column


class Base(DeclarativeBase):
    """absolute base for sqlalchemy classes"""


@declarative_mixin
class CommonSqlalchemyMetaMixins(Base):
    __abstract__ = True

    created_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), server_default=func.now(), server_onupdate=func.now())
    is_deleted: Mapped[bool] = mapped_column(Boolean, server_default=text("FALSE"))

    def set_updated_at(self, timestamp: Optional[datetime] = None) -> None:
        self.updated_at = timestamp or datetime.now(timezone.utc)
