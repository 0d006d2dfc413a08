# Reduced from langflow-ai/langflow, src/backend/langflow/services/database/models/api_key/api_key.py, at 8faad709176499fae2a7b841596cc1a386724007 (parent of fix 54cfca3dd6c990d0d1eebc01689366f82b9ebb87).
from datetime import datetime
from typing import TYPE_CHECKING, Optional
from uuid import UUID, uuid4

from sqlmodel import Field, Relationship

from langflow.services.database.models.base import SQLModelSerializable

if TYPE_CHECKING:
    from langflow.services.database.models.user import User


class ApiKeyBase(SQLModelSerializable):
    name: Optional[str] = Field(index=True)
    created_at: datetime = Field(default_factory=datetime.utcnow)
    last_used_at: Optional[datetime] = Field(default=None)
    total_uses: int = Field(default=0)
    is_active: bool = Field(default=True)


class ApiKey(ApiKeyBase, table=True):
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)

    api_key: str = Field(index=True, unique=True)
    # User relationship
    user_id: UUID = Field(index=True, foreign_key="user.id")
    user: "User" = Relationship(back_populates="api_keys")


class ApiKeyCreate(ApiKeyBase):
    api_key: Optional[str] = None
    user_id: Optional[UUID] = None


class UnmaskedApiKeyRead(ApiKeyBase):
    id: UUID
    api_key: str = Field()
    user_id: UUID = Field()


class ApiKeyRead(ApiKeyBase):
    id: UUID
    api_key: str = Field()
    user_id: UUID = Field()
