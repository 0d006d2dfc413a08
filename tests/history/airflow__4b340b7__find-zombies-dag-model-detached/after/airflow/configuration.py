# From apache/airflow, airflow/configuration.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

import os


class AirflowConfigParser:
    """Custom Airflow Configparser supporting defaults and deprecated options"""

    def get(self, section, key, fallback=None):
        return os.environ.get(f"AIRFLOW__{section.upper()}__{key.upper()}", fallback)

    def getint(self, section, key, fallback=0):
        return int(self.get(section, key, fallback))

    def getfloat(self, section, key, fallback=0.0):
        return float(self.get(section, key, fallback))

    def getboolean(self, section, key, fallback=False):
        return str(self.get(section, key, fallback)).lower() in ("true", "1")


conf = AirflowConfigParser()
