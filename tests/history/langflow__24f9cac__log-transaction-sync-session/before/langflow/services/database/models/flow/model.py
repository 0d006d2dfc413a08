# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/flow/model.py, at ba9dea55477a8964843e9f36be77631f830c5637 (parent of fix 24f9cac9b59711fa365eac9e6525b96a2ceb67f3).
from uuid import UUID, uuid4

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class Flow(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    name: str = Field(index=True)
    data: dict | None = Field(default=None, sa_column=Column(JSON))
    endpoint_name: str | None = Field(default=None, nullable=True, index=True)
    user_id: UUID | None = Field(index=True, foreign_key="user.id", nullable=True)
