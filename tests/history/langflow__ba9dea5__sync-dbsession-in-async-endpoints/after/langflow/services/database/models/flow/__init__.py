# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/flow/__init__.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
from .model import Flow

__all__ = ["Flow"]
