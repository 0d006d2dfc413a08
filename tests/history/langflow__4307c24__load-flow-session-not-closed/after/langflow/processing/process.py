# Reduced from langflow-ai/langflow, src/backend/langflow/processing/process.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
from langflow.interface.run import (  # noqa: F401
    build_sorted_vertices_with_caching,
)
