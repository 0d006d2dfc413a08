# Reduced from apache/airflow, airflow-core/src/airflow/models/serialized_dag.py, at the parent of fix 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8.
from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from airflow.models.base import Base
from airflow.models.dag_version import DagVersion


class SerializedDAG:
    def __init__(self, data: dict[str, Any]) -> None:
        self.task_group = data.get("task_group", {})


class SerializedDagModel(Base):
    """A table for serialized DAGs."""

    __tablename__ = "serialized_dag"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dag_id: Mapped[str] = mapped_column(String(250), nullable=False)
    _data: Mapped[dict[str, Any] | None] = mapped_column("data", JSON, nullable=True)
    dag_version_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("dag_version.id", ondelete="CASCADE"), nullable=False
    )
    dag_version: Mapped[DagVersion] = relationship("DagVersion", back_populates="serialized_dag")

    @property
    def dag(self) -> SerializedDAG:
        return SerializedDAG(self._data or {})
