# From Agenta-AI/agenta, agenta-backend/agenta_backend/models/__init__.py (fix d6a0f2df9e7dc4530cef37f87fcc9fded22c0ffd; before/ is its parent), reduced.
