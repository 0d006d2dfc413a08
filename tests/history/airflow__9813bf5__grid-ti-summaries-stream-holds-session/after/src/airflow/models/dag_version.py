# Reduced from apache/airflow, airflow-core/src/airflow/models/dag_version.py, at 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8 (the fix).
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from airflow.models.base import Base

if TYPE_CHECKING:
    from airflow.models.serialized_dag import SerializedDagModel


class DagVersion(Base):
    """Model to track the versions of DAGs in the database."""

    __tablename__ = "dag_version"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version_number: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    dag_id: Mapped[str] = mapped_column(String(250), ForeignKey("dag.dag_id", ondelete="CASCADE"))
    serialized_dag: Mapped[SerializedDagModel | None] = relationship(
        "SerializedDagModel", back_populates="dag_version", uselist=False
    )
