# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/user/model.py, at f49feef92b62304b233cd3d5aaf5a055f2b44c5d (parent of fix 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e).
from uuid import UUID, uuid4

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    username: str = Field(index=True, unique=True)
    is_superuser: bool = Field(default=False)
