# Reduced from langgenius/dify, api/models/base.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
from sqlalchemy.orm import DeclarativeBase

from models.engine import metadata


class Base(DeclarativeBase):
    metadata = metadata
