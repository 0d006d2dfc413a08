# Reduced from langflow-ai/langflow, src/backend/langflow/interface/__init__.py, at b64d43fe22e245ba27935315a6320d8ae3088340 (parent of fix 4307c24c6df62e944326cf42fc6dd576b271c861).
