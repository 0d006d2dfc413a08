# Reduced from langgenius/dify, api/core/helper/__init__.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
