# Reduced from langflow-ai/langflow, src/backend/base/langflow/__init__.py, at efe64073246a3884abefae72ac3e78b14aa2695d (parent of fix da01f5c723fe6466be01f3a34400b5bc06a6f4b7).
