# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/chat/__init__.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
