# From letta-ai/letta, letta/orm/base.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import Boolean, DateTime, String, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_mixin, mapped_column


class Base(DeclarativeBase):
    """absolute base for sqlalchemy classes"""


@declarative_mixin
class CommonSqlalchemyMetaMixins(Base):
    __abstract__ = True

    created_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), server_default=func.now(), server_onupdate=func.now())
    is_deleted: Mapped[bool] = mapped_column(Boolean, server_default=text("FALSE"))
    _last_updated_by_id: Mapped[Optional[str]] = mapped_column(String, nullable=True)

    def set_updated_at(self, timestamp: Optional[datetime] = None) -> None:
        self.updated_at = timestamp or datetime.now(timezone.utc)

    def _set_created_and_updated_by_fields(self, actor_id: str) -> None:
        """Populate last_updated_by_id based on actor."""
        self._last_updated_by_id = actor_id
