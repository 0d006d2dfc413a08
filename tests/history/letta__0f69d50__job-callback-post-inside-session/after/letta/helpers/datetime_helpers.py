# From letta-ai/letta, letta/helpers/datetime_helpers.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
from datetime import datetime, timezone


def get_utc_time() -> datetime:
    """Get the current UTC time"""
    return datetime.now(timezone.utc)
