# Reduced from langgenius/dify, api/libs/datetime_utils.py at eaddd4a132dee27d5277a3b8160b3edf7eda8b2f (parent of fix a74e12809bc05113fb28737118fb5f97dfc23982)
import datetime


def naive_utc_now() -> datetime.datetime:
    """Return a naive datetime object (without timezone information)
    representing current UTC time.
    """
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
