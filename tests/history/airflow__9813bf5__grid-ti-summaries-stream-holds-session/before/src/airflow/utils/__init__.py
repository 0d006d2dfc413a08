# Reduced from apache/airflow, airflow-core/src/airflow/utils/__init__.py, at the parent of fix 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8.
