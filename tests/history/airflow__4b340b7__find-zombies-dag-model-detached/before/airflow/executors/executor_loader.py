# From apache/airflow, airflow/executors/executor_loader.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
"""All executors."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from airflow.configuration import conf

if TYPE_CHECKING:
    from airflow.executors.base_executor import BaseExecutor


class ExecutorLoader:
    """Keeps constants for all the currently available executors."""

    _default_executor: BaseExecutor | None = None
    executors = {
        "LocalExecutor": "airflow.executors.local_executor.LocalExecutor",
        "CeleryExecutor": "airflow.executors.celery_executor.CeleryExecutor",
        "KubernetesExecutor": "airflow.executors.kubernetes_executor.KubernetesExecutor",
    }

    @classmethod
    def get_default_executor_name(cls) -> str:
        """Returns the default executor name from Airflow configuration.

        :return: executor name from Airflow configuration
        """
        return conf.get("core", "EXECUTOR")

    @classmethod
    def get_default_executor(cls) -> BaseExecutor:
        """Creates a new instance of the configured executor if none exists and returns it."""
        if cls._default_executor is not None:
            return cls._default_executor

        return cls.load_executor(cls.get_default_executor_name())

    @classmethod
    def load_executor(cls, executor_name: str) -> BaseExecutor:
        """Loads the executor."""
        module_path, class_name = cls.executors[executor_name].rsplit(".", 1)
        executor_cls = getattr(import_module(module_path), class_name)
        return executor_cls()
