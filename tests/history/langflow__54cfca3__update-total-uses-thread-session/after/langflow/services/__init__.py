# Reduced from langflow-ai/langflow, src/backend/langflow/services/__init__.py, at 54cfca3dd6c990d0d1eebc01689366f82b9ebb87 (the fix).
from langflow.services.manager import service_manager
from langflow.services.schema import ServiceType

__all__ = ["service_manager", "ServiceType"]
