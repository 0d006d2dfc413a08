# From open-webui/open-webui, backend/open_webui/__init__.py (fix 81510e9d8fb514be336366878257371174bddf53; before/ is its parent), reduced.
