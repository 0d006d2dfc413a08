# From apache/airflow, airflow/callbacks/base_callback_sink.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

from airflow.callbacks.callback_requests import CallbackRequest


class BaseCallbackSink:
    """Base class for Callbacks Sinks."""

    def send(self, callback: CallbackRequest) -> None:
        """Sends callback for execution."""
        raise NotImplementedError()
