# From apache/airflow, airflow/exceptions.py at 7765278479b81a73244ff44e47973bbc5bf9bcef (the fix), reduced.


class AirflowException(Exception):
    pass
