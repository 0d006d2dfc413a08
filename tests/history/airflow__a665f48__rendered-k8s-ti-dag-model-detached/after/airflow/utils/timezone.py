# From apache/airflow, airflow/utils/timezone.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import datetime as dt

import pendulum

utc = pendulum.tz.timezone('UTC')


def utcnow() -> dt.datetime:
    """
    Get the current date and time in UTC

    :return:
    """
    result = dt.datetime.utcnow()
    result = result.replace(tzinfo=utc)

    return result


def parse(string: str, timezone=None) -> dt.datetime:
    """
    Parse a time string and return an aware datetime

    :param string: time string
    """
    return pendulum.parse(string, tz=timezone or utc, strict=False)  # type: ignore
