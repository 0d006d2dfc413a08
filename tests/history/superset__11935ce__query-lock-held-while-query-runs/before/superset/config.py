# From apache/superset, superset/config.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.
SQLALCHEMY_DATABASE_URI = "sqlite:////tmp/superset.db"
CELERY_CONFIG = None
SQLLAB_ASYNC_TIME_LIMIT_SEC = 60 * 60 * 6
STATS_LOGGER = None
QUERY_LOGGER = None
SQL_QUERY_MUTATOR = None
SQL_MAX_ROW = 100000
TROUBLESHOOTING_LINK = ""
RESULTS_BACKEND = None
RESULTS_BACKEND_USE_MSGPACK = True
