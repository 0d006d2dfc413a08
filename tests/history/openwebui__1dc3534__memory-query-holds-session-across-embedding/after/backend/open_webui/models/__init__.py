# From open-webui/open-webui, backend/open_webui/models/__init__.py (fix 1dc353433a9f9a0ce945f1cc0e4db708da6f208e; before/ is its parent), reduced.
