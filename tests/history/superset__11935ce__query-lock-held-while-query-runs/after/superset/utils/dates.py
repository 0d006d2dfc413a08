# From apache/superset, superset/utils/dates.py at 11935ce1188aa214b6769b3d55468ee7db1fd159 (the fix), reduced.
from datetime import datetime

EPOCH = datetime(1970, 1, 1)


def datetime_to_epoch(dttm):
    return (dttm - EPOCH).total_seconds() * 1000


def now_as_float():
    return datetime_to_epoch(datetime.utcnow())
