# From open-webui/open-webui, backend/open_webui/models/__init__.py (fix d0c2bfdbff2b12e8190379cef8f442b1cf210470; before/ is its parent), reduced.
