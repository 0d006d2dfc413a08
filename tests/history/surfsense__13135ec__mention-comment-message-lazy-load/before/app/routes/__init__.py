# From MODSetter/SurfSense, surfsense_backend/app/routes/__init__.py (fix 13135ec51b42abf7761911444222c92e755c2697; before/ is its parent), reduced.
