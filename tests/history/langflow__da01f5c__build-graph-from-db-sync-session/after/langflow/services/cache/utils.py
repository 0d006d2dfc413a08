# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/cache/utils.py, at da01f5c723fe6466be01f3a34400b5bc06a6f4b7 (the fix).
class CacheMiss:
    def __repr__(self) -> str:
        return "<CACHE_MISS>"

    def __bool__(self) -> bool:
        return False
