# From dstackai/dstack, src/dstack/_internal/server/settings.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
import os

DATABASE_URL = os.getenv("DSTACK_DATABASE_URL", "sqlite+aiosqlite:///dstack.db")
SQL_ECHO_ENABLED = os.getenv("DSTACK_SQL_ECHO_ENABLED") is not None
USER_PROJECT_DEFAULT_QUOTA = int(os.getenv("DSTACK_USER_PROJECT_DEFAULT_QUOTA", 10))
