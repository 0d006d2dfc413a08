# From apache/superset, superset/models/__init__.py at af4dd59661291541a8fa82717d07a3f214c8bd2f (parent of the fix).
