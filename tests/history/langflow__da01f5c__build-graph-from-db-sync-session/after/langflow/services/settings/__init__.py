# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/settings/__init__.py, at da01f5c723fe6466be01f3a34400b5bc06a6f4b7 (the fix).
