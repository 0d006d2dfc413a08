# From open-webui/open-webui, backend/open_webui/__init__.py (fix 9e596f861651766a1b7d043bb4a989d0dba61bc5; before/ is its parent), reduced.
