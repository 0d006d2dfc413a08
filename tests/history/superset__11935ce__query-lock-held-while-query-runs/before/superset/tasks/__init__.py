# From apache/superset, superset/tasks/__init__.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix).
