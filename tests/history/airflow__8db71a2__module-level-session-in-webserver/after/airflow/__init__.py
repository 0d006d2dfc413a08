# From apache/airflow, airflow/__init__.py at 8db71a2951a9dbbe7e2f913486a65287b99e83be (the fix), reduced.
