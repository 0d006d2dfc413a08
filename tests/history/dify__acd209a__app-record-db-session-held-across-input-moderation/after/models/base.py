# Reduced from langgenius/dify, api/models/base.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from sqlalchemy.orm import DeclarativeBase

from models.engine import metadata


class Base(DeclarativeBase):
    metadata = metadata
