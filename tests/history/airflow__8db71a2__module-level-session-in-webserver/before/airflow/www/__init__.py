# From apache/airflow, airflow/www/__init__.py at d9827764bb4f3cfbced6a69135bd6f3ff810e4bc (parent of the fix).
