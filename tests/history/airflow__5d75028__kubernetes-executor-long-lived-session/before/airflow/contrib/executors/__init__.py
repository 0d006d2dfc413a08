# From apache/airflow, airflow/contrib/executors/__init__.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.
