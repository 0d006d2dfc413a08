# From open-webui/open-webui, backend/open_webui/internal/__init__.py (fix 24044b42ea97f8fd855472b2c0abc497a813843b; before/ is its parent), reduced.
