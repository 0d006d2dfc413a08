# Reduced from langgenius/dify, api/models/base.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
from sqlalchemy.orm import DeclarativeBase

from models.engine import metadata


class Base(DeclarativeBase):
    metadata = metadata
