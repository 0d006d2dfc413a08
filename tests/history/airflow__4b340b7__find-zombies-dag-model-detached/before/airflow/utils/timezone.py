# From apache/airflow, airflow/utils/timezone.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

import datetime as dt

import pendulum

utc = pendulum.tz.timezone("UTC")


def utcnow() -> dt.datetime:
    """
    Get the current date and time in UTC

    :return:
    """
    result = dt.datetime.utcnow()
    result = result.replace(tzinfo=utc)

    return result
