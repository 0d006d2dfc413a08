# Reduced from langflow-ai/langflow, src/backend/langflow/services/database/models/user/user.py, at 54cfca3dd6c990d0d1eebc01689366f82b9ebb87 (the fix).
from datetime import datetime
from typing import TYPE_CHECKING, Optional
from uuid import UUID, uuid4

from sqlmodel import Field, Relationship

from langflow.services.database.models.base import SQLModelSerializable

if TYPE_CHECKING:
    from langflow.services.database.models.api_key import ApiKey


class User(SQLModelSerializable, table=True):
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    username: str = Field(index=True, unique=True)
    password: str = Field()
    is_active: bool = Field(default=False)
    is_superuser: bool = Field(default=False)
    last_login_at: Optional[datetime] = Field()
    api_keys: list["ApiKey"] = Relationship(back_populates="user")
