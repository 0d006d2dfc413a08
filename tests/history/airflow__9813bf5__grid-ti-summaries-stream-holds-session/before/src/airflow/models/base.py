# Reduced from apache/airflow, airflow-core/src/airflow/models/base.py, at the parent of fix 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8.
from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Base class for the Airflow metadata models."""
