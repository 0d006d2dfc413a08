# From apache/airflow, airflow/utils/state.py at ff45d8f2218a8da9328161aa66d004c3db3b367e (parent of the fix), reduced.


class State(object):
    RUNNING = "running"
    SUCCESS = "success"
    SHUTDOWN = "shutdown"  # External request to shut down
