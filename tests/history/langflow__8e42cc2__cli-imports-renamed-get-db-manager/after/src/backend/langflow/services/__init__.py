# From langflow-ai/langflow, src/backend/langflow/services/__init__.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from .manager import service_manager
from .schema import ServiceType

__all__ = ["service_manager", "ServiceType"]
