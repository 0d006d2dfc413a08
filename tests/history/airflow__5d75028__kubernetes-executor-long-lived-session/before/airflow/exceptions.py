# From apache/airflow, airflow/exceptions.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.


class AirflowException(Exception):
    pass
