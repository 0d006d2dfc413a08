# From apache/airflow, airflow/utils/state.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.


class State(object):
    NONE = None
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    QUEUED = "queued"
