# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/auth/__init__.py, at ba9dea55477a8964843e9f36be77631f830c5637 (parent of fix 24f9cac9b59711fa365eac9e6525b96a2ceb67f3).
