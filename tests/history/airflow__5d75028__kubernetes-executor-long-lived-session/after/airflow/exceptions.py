# From apache/airflow, airflow/exceptions.py at 5d75028d2846ed27c90cc4009b6fe81046752b1e (the fix), reduced.


class AirflowException(Exception):
    pass
