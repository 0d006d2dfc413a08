# From dstackai/dstack, src/dstack/_internal/server/settings.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import os

DATABASE_URL = os.getenv("DSTACK_DATABASE_URL", "sqlite+aiosqlite:///dstack.db")
SQL_ECHO_ENABLED = os.getenv("DSTACK_SQL_ECHO_ENABLED") is not None
DB_POOL_SIZE = int(os.getenv("DSTACK_DB_POOL_SIZE", 20))
DB_MAX_OVERFLOW = int(os.getenv("DSTACK_DB_MAX_OVERFLOW", 20))
MAX_OFFERS_TRIED = int(os.getenv("DSTACK_SERVER_MAX_OFFERS_TRIED", 25))
