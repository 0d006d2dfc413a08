# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/user/model.py, at 24f9cac9b59711fa365eac9e6525b96a2ceb67f3 (the fix).
from uuid import UUID, uuid4

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):  # type: ignore[call-arg]
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    username: str = Field(index=True, unique=True)
    password: str = Field()
    is_active: bool = Field(default=False)
    is_superuser: bool = Field(default=False)
