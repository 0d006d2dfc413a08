# Reduced from langgenius/dify, api/models/__init__.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from .dataset import Dataset, Document
from .engine import db

__all__ = [
    "Dataset",
    "Document",
    "db",
]
