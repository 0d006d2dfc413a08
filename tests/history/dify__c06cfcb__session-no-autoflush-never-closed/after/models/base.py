# Reduced from langgenius/dify, api/models/base.py at c06cfcbb5add7f059398179a70f87d359bb95e9c (the fix)
from sqlalchemy.orm import DeclarativeBase

from models.engine import metadata


class Base(DeclarativeBase):
    metadata = metadata
