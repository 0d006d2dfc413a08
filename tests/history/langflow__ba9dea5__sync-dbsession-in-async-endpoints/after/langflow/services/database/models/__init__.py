# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/__init__.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
from .flow import Flow
from .user import User

__all__ = ["Flow", "User"]
