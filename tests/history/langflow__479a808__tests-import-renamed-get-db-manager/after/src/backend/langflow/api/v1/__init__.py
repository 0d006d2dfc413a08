# From langflow-ai/langflow, src/backend/langflow/api/v1/__init__.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
