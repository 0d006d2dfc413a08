# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/__init__.py, at 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e (the fix).
from .flow import Flow
from .user import User

__all__ = ["Flow", "User"]
