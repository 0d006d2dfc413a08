# Reduced from langflow-ai/langflow, src/backend/langflow/database/models/flow.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
# Path: src/backend/langflow/database/models/flow.py

from sqlmodel import Field, JSON, Column, SQLModel
from uuid import UUID, uuid4
from typing import Dict, Optional


class FlowBase(SQLModel):
    name: str = Field(index=True)
    description: Optional[str] = Field(index=True)
    data: Optional[Dict] = Field(default=None)


class Flow(FlowBase, table=True):
    id: UUID = Field(default_factory=uuid4, primary_key=True, unique=True)
    data: Optional[Dict] = Field(default=None, sa_column=Column(JSON))
