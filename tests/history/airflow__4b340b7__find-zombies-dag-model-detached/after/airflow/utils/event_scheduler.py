# From apache/airflow, airflow/utils/event_scheduler.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

from sched import scheduler
from typing import Callable


class EventScheduler(scheduler):
    """General purpose event scheduler"""

    def call_regular_interval(
        self,
        delay: float,
        action: Callable,
        arguments=(),
        kwargs={},
    ):
        """Helper to call a function at (roughly) a given interval"""

        def repeat(*args, **kwargs):
            action(*args, **kwargs)
            # This is not perfect. If we want a timer every 60s, but action
            # takes 10s to run, this will run it every 70s.
            # Good enough for now
            self.enter(delay, 1, repeat, args, kwargs)

        self.enter(delay, 1, repeat, arguments, kwargs)
