# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/flow/model.py, at efe64073246a3884abefae72ac3e78b14aa2695d (parent of fix da01f5c723fe6466be01f3a34400b5bc06a6f4b7).
from uuid import UUID, uuid4

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class Flow(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    name: str = Field(index=True)
    data: dict | None = Field(default=None, sa_column=Column(JSON))
    endpoint_name: str | None = Field(default=None, nullable=True, index=True)
    user_id: UUID | None = Field(index=True, foreign_key="user.id", nullable=True)
