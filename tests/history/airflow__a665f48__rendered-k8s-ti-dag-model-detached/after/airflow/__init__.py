# From apache/airflow, airflow/__init__.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
