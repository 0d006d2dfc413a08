# From dstackai/dstack, src/dstack/_internal/server/settings.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
import os

DATABASE_URL = os.getenv("DSTACK_DATABASE_URL", "sqlite+aiosqlite:///dstack.db")
SQL_ECHO_ENABLED = os.getenv("DSTACK_SQL_ECHO_ENABLED") is not None
DB_POOL_SIZE = int(os.getenv("DSTACK_DB_POOL_SIZE", 20))
DB_MAX_OVERFLOW = int(os.getenv("DSTACK_DB_MAX_OVERFLOW", 20))
