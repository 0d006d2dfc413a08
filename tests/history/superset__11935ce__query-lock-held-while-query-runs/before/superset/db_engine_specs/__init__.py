# From apache/superset, superset/db_engine_specs/__init__.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.
from superset.db_engine_specs.base import BaseEngineSpec
