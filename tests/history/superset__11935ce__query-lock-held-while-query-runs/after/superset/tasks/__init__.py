# From apache/superset, superset/tasks/__init__.py at 11935ce1188aa214b6769b3d55468ee7db1fd159 (the fix).
