# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/flow/model.py, at 44a3e7643aa83f697c4d4613b9ba94215ed43dc7 (parent of fix ba9dea55477a8964843e9f36be77631f830c5637).
from uuid import UUID, uuid4

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class Flow(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    name: str = Field(index=True)
    data: dict | None = Field(default=None, sa_column=Column(JSON))
    endpoint_name: str | None = Field(default=None, nullable=True, index=True)
    user_id: UUID | None = Field(index=True, foreign_key="user.id", nullable=True)
