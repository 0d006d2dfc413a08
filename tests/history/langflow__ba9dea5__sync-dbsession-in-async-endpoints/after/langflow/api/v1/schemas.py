# Reduced from langflow-ai/langflow, src/backend/base/langflow/api/v1/schemas.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
from pydantic import BaseModel


class UsersResponse(BaseModel):
    total_count: int
    users: list[dict]
