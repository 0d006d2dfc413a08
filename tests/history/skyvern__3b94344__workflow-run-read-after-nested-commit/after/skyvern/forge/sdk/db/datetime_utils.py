# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/datetime_utils.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from datetime import UTC, datetime


def naive_utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
