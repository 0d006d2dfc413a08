# From open-webui/open-webui, backend/open_webui/routers/__init__.py (fix d4b90f93bda2413ec8f040e61959acdb7b242061; before/ is its parent), reduced.
