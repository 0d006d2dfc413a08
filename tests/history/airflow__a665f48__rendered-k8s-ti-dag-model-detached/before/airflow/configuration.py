# From apache/airflow, airflow/configuration.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import os


class AirflowConfigParser:
    """Custom Airflow Configparser supporting defaults and deprecated options"""

    def get(self, section, key, fallback=None):
        return os.environ.get(f"AIRFLOW__{section.upper()}__{key.upper()}", fallback)


conf = AirflowConfigParser()
