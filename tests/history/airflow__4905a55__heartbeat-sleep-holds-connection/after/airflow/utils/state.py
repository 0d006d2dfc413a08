# From apache/airflow, airflow/utils/state.py at 4905a5563d47b45e38b91661ee5aa7f3765a129b (the fix), reduced.


class State(object):
    RUNNING = "running"
    SUCCESS = "success"
    SHUTDOWN = "shutdown"  # External request to shut down
