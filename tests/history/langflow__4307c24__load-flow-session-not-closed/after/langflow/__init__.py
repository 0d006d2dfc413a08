# Reduced from langflow-ai/langflow, src/backend/langflow/__init__.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
