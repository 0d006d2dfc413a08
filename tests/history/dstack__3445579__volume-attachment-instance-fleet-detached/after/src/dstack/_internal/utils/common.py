# From dstackai/dstack, src/dstack/_internal/utils/common.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
import asyncio
import functools
from datetime import datetime, timezone
from typing import Optional, TypeVar

T = TypeVar("T")


def get_current_datetime() -> datetime:
    return datetime.now(tz=timezone.utc)


async def run_async(func, *args, **kwargs):
    func_with_args = functools.partial(func, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(None, func_with_args)


def get_or_error(v: Optional[T]) -> T:
    """
    Unpacks an optional value. Used to denote that None is not possible in the current context.
    """
    if v is None:
        raise ValueError("Optional value is None")
    return v
