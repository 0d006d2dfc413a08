# From dstackai/dstack, src/dstack/_internal/utils/common.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from datetime import datetime, timezone
from typing import Optional, TypeVar

T = TypeVar("T")


def get_current_datetime() -> datetime:
    return datetime.now(tz=timezone.utc)


def get_or_error(v: Optional[T]) -> T:
    """
    Unpacks an optional value. Used to denote that None is not possible in the current context.
    """
    if v is None:
        raise ValueError("Optional value is None")
    return v
