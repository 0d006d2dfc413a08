# From apache/superset, superset/config.py at af4dd59661291541a8fa82717d07a3f214c8bd2f (parent of the fix), reduced.
SQLALCHEMY_DATABASE_URI = 'sqlite:////tmp/superset.db'
CELERY_CONFIG = None
SQLLAB_ASYNC_TIME_LIMIT_SEC = 60 * 60 * 6
STATS_LOGGER = None
RESULTS_BACKEND = None
