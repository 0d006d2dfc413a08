# From open-webui/open-webui, backend/open_webui/utils/__init__.py (fix 3fc866117da65c4a3e05e1a2add40b193933fd97; before/ is its parent), reduced.
