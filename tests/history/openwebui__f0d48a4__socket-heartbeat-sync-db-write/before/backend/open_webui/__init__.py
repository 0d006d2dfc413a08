# From open-webui/open-webui, backend/open_webui/__init__.py (fix f0d48a4295c30318e34b93a03c8f4b264573216a; before/ is its parent), reduced.
