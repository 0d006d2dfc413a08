# Reduced from langgenius/dify, api/core/model_runtime/model_providers/__init__.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
