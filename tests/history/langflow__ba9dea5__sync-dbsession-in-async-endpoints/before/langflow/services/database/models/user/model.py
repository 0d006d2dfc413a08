# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/user/model.py, at 44a3e7643aa83f697c4d4613b9ba94215ed43dc7 (parent of fix ba9dea55477a8964843e9f36be77631f830c5637).
from uuid import UUID, uuid4

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    username: str = Field(index=True, unique=True)
    password: str = Field()
    is_active: bool = Field(default=False)
    is_superuser: bool = Field(default=False)
