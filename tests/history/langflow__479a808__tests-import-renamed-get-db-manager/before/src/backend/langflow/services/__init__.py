# From langflow-ai/langflow, src/backend/langflow/services/__init__.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from .manager import service_manager
from .schema import ServiceType

__all__ = ["service_manager", "ServiceType"]
