# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/flow/__init__.py, at 44a3e7643aa83f697c4d4613b9ba94215ed43dc7 (parent of fix ba9dea55477a8964843e9f36be77631f830c5637).
from .model import Flow

__all__ = ["Flow"]
