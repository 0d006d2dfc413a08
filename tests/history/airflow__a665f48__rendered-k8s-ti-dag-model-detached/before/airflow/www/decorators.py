# From apache/airflow, airflow/www/decorators.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import functools
from typing import Callable, TypeVar, cast

from flask import g, request

T = TypeVar("T", bound=Callable)


def action_logging(f: T) -> T:
    """Decorator to log user actions"""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        user = g.user.username if g.user else 'anonymous'
        request.environ.setdefault('airflow.user', user)
        return f(*args, **kwargs)

    return cast(T, wrapper)
