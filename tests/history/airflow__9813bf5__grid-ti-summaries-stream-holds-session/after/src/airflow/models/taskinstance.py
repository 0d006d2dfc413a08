# Reduced from apache/airflow, airflow-core/src/airflow/models/taskinstance.py, at 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8 (the fix).
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from airflow.models.base import Base


class TaskInstance(Base):
    """Task instances store the state of a task instance."""

    __tablename__ = "task_instance"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    task_id: Mapped[str] = mapped_column(String(250), nullable=False)
    dag_id: Mapped[str] = mapped_column(String(250), nullable=False)
    run_id: Mapped[str] = mapped_column(String(250), nullable=False)
    map_index: Mapped[int] = mapped_column(Integer, nullable=False, default=-1)
    state: Mapped[str | None] = mapped_column(String(20))
    start_date: Mapped[datetime | None] = mapped_column(DateTime)
    end_date: Mapped[datetime | None] = mapped_column(DateTime)
    dag_version_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("dag_version.id", ondelete="RESTRICT")
    )
