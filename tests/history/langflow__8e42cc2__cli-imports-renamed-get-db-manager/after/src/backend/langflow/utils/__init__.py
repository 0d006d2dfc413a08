# From langflow-ai/langflow, src/backend/langflow/utils/__init__.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
