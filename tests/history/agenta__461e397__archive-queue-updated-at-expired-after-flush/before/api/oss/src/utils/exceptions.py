# From Agenta-AI/agenta, api/oss/src/utils/exceptions.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from functools import wraps
from traceback import format_exc
from typing import Any, List, Optional

from oss.src.utils.logging import get_module_logger

log = get_module_logger(__name__)


def suppress_exceptions(
    default: Optional[Any] = None,
    message: Optional[str] = "",
    verbose: Optional[bool] = True,
    exclude: Optional[List[type]] = None,
):
    def decorator(func):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            try:
                return await func(*args, **kwargs)

            except Exception as exc:  # pylint: disable=broad-exception-caught
                if any(isinstance(exc, excl) for excl in exclude or []):
                    raise

                operation_id = func.__name__ if hasattr(func, "__name__") else None

                if verbose is True:
                    log.warning(
                        f"[SUPPRESSED] {message}\n{format_exc()} (operation_id={operation_id})",
                    )

                return default

        return wrapper

    return decorator
