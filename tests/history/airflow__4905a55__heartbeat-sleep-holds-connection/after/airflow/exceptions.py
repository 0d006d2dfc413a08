# From apache/airflow, airflow/exceptions.py at 4905a5563d47b45e38b91661ee5aa7f3765a129b (the fix), reduced.


class AirflowException(Exception):
    pass
