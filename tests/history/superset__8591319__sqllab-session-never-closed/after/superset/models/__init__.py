# From apache/superset, superset/models/__init__.py at 8591319bde7db14ac358eae979dfefcbf450db91 (the fix).
