# From apache/airflow, airflow/models/__init__.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
"""Airflow models"""
from __future__ import annotations

from airflow.models.base import ID_LEN, Base
from airflow.models.dag import DagModel
from airflow.models.taskinstance import TaskInstance

__all__ = ["Base", "DagModel", "ID_LEN", "TaskInstance"]
