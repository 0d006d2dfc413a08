# From apache/airflow, airflow/utils/__init__.py at ff45d8f2218a8da9328161aa66d004c3db3b367e (parent of the fix), reduced.
