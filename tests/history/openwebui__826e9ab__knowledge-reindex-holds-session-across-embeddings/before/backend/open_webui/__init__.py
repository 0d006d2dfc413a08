# From open-webui/open-webui, backend/open_webui/__init__.py (fix 826e9ab317d5376c6eeb93870481dad3bf99ae96; before/ is its parent), reduced.
