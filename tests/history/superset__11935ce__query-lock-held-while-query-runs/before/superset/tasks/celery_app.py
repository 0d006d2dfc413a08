# From apache/superset, superset/tasks/celery_app.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.
"""Utility functions used across Superset"""

from superset import app
from superset.utils.core import get_celery_app

config = app.config
app = get_celery_app(config)
