# Reduced from langflow-ai/langflow, src/backend/base/langflow/__init__.py, at 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e (the fix).
