# Reduced from langflow-ai/langflow, src/backend/langflow/utils/logger.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
import logging

logger = logging.getLogger("langflow")
