# Reduced from langgenius/dify, api/models/__init__.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
from .dataset import Embedding
from .engine import db

__all__ = [
    "Embedding",
    "db",
]
