# Reduced from langgenius/dify, api/models/base.py at eaddd4a132dee27d5277a3b8160b3edf7eda8b2f (parent of fix a74e12809bc05113fb28737118fb5f97dfc23982)
from sqlalchemy.orm import DeclarativeBase, MappedAsDataclass

from .engine import metadata


class TypeBase(MappedAsDataclass, DeclarativeBase):
    """
    This is for adding type, after all finished, rename to Base.
    """

    metadata = metadata
