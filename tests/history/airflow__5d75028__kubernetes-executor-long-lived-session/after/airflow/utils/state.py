# From apache/airflow, airflow/utils/state.py at 5d75028d2846ed27c90cc4009b6fe81046752b1e (the fix), reduced.


class State(object):
    NONE = None
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    QUEUED = "queued"
