# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/user/__init__.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
from .model import User

__all__ = ["User"]
