# Reduced from langflow-ai/langflow, src/backend/langflow/services/__init__.py, at 8faad709176499fae2a7b841596cc1a386724007 (parent of fix 54cfca3dd6c990d0d1eebc01689366f82b9ebb87).
from langflow.services.manager import service_manager
from langflow.services.schema import ServiceType

__all__ = ["service_manager", "ServiceType"]
