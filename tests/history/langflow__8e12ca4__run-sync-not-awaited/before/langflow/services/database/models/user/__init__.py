# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/user/__init__.py, at f49feef92b62304b233cd3d5aaf5a055f2b44c5d (parent of fix 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e).
from .model import User

__all__ = ["User"]
