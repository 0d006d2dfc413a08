# From MODSetter/SurfSense, surfsense_backend/app/services/__init__.py (fix 9d0f5b4249f6ee15eee12575b93468ae17e82f3f; before/ is its parent), reduced.
