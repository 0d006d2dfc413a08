# From apache/airflow, airflow/utils/__init__.py at 7765278479b81a73244ff44e47973bbc5bf9bcef (the fix), reduced.
