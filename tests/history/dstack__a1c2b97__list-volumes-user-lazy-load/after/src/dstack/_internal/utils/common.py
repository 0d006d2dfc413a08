# From dstackai/dstack, src/dstack/_internal/utils/common.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
from datetime import datetime, timezone


def get_current_datetime() -> datetime:
    return datetime.now(tz=timezone.utc)
