# Reduced from langflow-ai/langflow, src/backend/langflow/__init__.py, at 54cfca3dd6c990d0d1eebc01689366f82b9ebb87 (the fix).
