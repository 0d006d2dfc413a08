# From open-webui/open-webui, backend/open_webui/models/__init__.py (fix 0b5aa6dd60c5502ad98a0bea903142763a1e3f91; before/ is its parent), reduced.
