# From apache/superset, superset/config.py at 8591319bde7db14ac358eae979dfefcbf450db91 (the fix), reduced.
SQLALCHEMY_DATABASE_URI = 'sqlite:////tmp/superset.db'
CELERY_CONFIG = None
SQLLAB_ASYNC_TIME_LIMIT_SEC = 60 * 60 * 6
STATS_LOGGER = None
RESULTS_BACKEND = None
