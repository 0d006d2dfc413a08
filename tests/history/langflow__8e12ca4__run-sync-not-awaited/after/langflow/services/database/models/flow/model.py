# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/flow/model.py, at 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e (the fix).
from uuid import UUID, uuid4

from sqlmodel import Field, SQLModel


class Flow(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    name: str = Field(index=True)
    user_id: UUID | None = Field(index=True, foreign_key="user.id", nullable=True)
