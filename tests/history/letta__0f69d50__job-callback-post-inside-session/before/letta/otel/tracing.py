# From letta-ai/letta, letta/otel/tracing.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
from functools import wraps


def trace_method(func):
    """Decorator that traces function execution with OpenTelemetry (a pass-through here)."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def log_event(name: str, attributes: dict | None = None) -> None:
    pass
