# From apache/superset, superset/tasks/celery_app.py at 11935ce1188aa214b6769b3d55468ee7db1fd159 (the fix), reduced.
"""Utility functions used across Superset"""

from superset import app
from superset.utils.core import get_celery_app

config = app.config
app = get_celery_app(config)
