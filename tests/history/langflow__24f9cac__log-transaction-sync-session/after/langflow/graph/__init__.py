# Reduced from langflow-ai/langflow, src/backend/base/langflow/graph/__init__.py, at 24f9cac9b59711fa365eac9e6525b96a2ceb67f3 (the fix).
