# From Agenta-AI/agenta, agenta-backend/agenta_backend/utils/__init__.py (fix 8a4db9e571bb0a65b738172660becc1afb9facb4; before/ is its parent), reduced.
