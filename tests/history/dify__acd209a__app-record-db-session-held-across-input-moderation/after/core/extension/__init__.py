# Reduced from langgenius/dify, api/core/extension/__init__.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
