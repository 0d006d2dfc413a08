# From Agenta-AI/agenta, api/ee/src/__init__.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent).
