# From apache/airflow, airflow/models/__init__.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
"""Airflow models"""
from airflow.models.base import ID_LEN, Base
from airflow.models.dag import DAG, DagModel
from airflow.models.dagrun import DagRun
from airflow.models.taskinstance import TaskInstance

__all__ = ["Base", "DAG", "DagModel", "DagRun", "ID_LEN", "TaskInstance"]
