# From langflow-ai/langflow, src/backend/langflow/api/v1/schemas.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from typing import List

from pydantic import BaseModel

from langflow.services.database.models.flow import FlowCreate


class FlowListCreate(BaseModel):
    flows: List[FlowCreate]
