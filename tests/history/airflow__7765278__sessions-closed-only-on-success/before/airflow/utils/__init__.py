# From apache/airflow, airflow/utils/__init__.py at 1bde7833854210676dcd6e8da8b6d9567e12031a (parent of the fix), reduced.
