# Reduced from langgenius/dify, api/models/base.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
from sqlalchemy.orm import DeclarativeBase, MappedAsDataclass

from .engine import metadata


class TypeBase(MappedAsDataclass, DeclarativeBase):
    """
    This is for adding type, after all finished, rename to Base.
    """

    metadata = metadata
