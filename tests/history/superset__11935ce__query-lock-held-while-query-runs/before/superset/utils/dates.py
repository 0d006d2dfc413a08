# From apache/superset, superset/utils/dates.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.
from datetime import datetime

EPOCH = datetime(1970, 1, 1)


def datetime_to_epoch(dttm):
    return (dttm - EPOCH).total_seconds() * 1000


def now_as_float():
    return datetime_to_epoch(datetime.utcnow())
