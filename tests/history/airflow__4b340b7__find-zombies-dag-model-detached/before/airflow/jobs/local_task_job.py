# From apache/airflow, airflow/jobs/local_task_job.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

from airflow.jobs.base_job import BaseJob


class LocalTaskJob(BaseJob):
    """LocalTaskJob runs a single task instance."""

    __mapper_args__ = {"polymorphic_identity": "LocalTaskJob"}
