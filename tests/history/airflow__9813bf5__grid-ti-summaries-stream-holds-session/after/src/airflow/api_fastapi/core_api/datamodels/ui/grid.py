# Reduced from apache/airflow, airflow-core/src/airflow/api_fastapi/core_api/datamodels/ui/grid.py, at 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8 (the fix).
from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class GridTISummaries(BaseModel):
    """DAG Run model for the Grid UI."""

    run_id: str
    dag_id: str
    task_instances: list[dict[str, Any]]
