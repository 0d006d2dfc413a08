# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/_error_handling.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
"""Standardized error handling decorator for database operations."""

from __future__ import annotations

import asyncio
import functools
from typing import Callable, ParamSpec, TypeVar

import structlog
from sqlalchemy.exc import SQLAlchemyError

LOG = structlog.get_logger()

P = ParamSpec("P")
R = TypeVar("R")


def db_operation(
    operation_name: str,
    log_errors: bool = True,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator that wraps an async function with standardized DB error handling."""

    def decorator(fn: Callable[P, R]) -> Callable[P, R]:
        if not asyncio.iscoroutinefunction(fn):
            raise TypeError(f"db_operation can only wrap async functions, got {fn!r}")

        @functools.wraps(fn)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return await fn(*args, **kwargs)
            except SQLAlchemyError:
                if log_errors:
                    LOG.error("SQLAlchemyError", operation=operation_name, exc_info=True)
                raise
            except Exception:
                if log_errors:
                    LOG.error("UnexpectedError", operation=operation_name, exc_info=True)
                raise

        return wrapper  # type: ignore[return-value]

    return decorator
