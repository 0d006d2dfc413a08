# From langflow-ai/langflow, src/backend/langflow/services/database/models/flow.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from typing import Dict, Optional
from uuid import UUID, uuid4

from sqlmodel import JSON, Column, Field, SQLModel


class FlowBase(SQLModel):
    name: str = Field(index=True)
    description: Optional[str] = Field(index=True)
    data: Optional[Dict] = Field(default=None)


class Flow(FlowBase, table=True):
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    data: Optional[Dict] = Field(default=None, sa_column=Column(JSON))
    user_id: UUID = Field(index=True, foreign_key="user.id")


class FlowCreate(FlowBase):
    user_id: Optional[UUID] = None


class FlowUpdate(SQLModel):
    name: Optional[str] = None
    description: Optional[str] = None
    data: Optional[Dict] = None
