# Reduced from langgenius/dify, api/models/base.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from sqlalchemy.orm import DeclarativeBase

from models.engine import metadata


class Base(DeclarativeBase):
    metadata = metadata
