# Reduced from langgenius/dify, api/models/__init__.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
from .api_based_extension import APIBasedExtension, APIBasedExtensionPoint
from .engine import db
from .model import App, Conversation, Message
from .workflow import Workflow

__all__ = [
    "APIBasedExtension",
    "APIBasedExtensionPoint",
    "App",
    "Conversation",
    "Message",
    "Workflow",
    "db",
]
