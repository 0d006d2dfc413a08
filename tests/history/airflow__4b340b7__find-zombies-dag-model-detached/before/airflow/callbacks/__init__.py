# From apache/airflow, airflow/callbacks/__init__.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
