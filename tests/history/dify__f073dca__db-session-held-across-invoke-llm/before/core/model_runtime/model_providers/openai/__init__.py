# Reduced from langgenius/dify, api/core/model_runtime/model_providers/openai/__init__.py at 8b1e35d7dc1fac8d930117ab773d3645110a54f0 (parent of fix f073dca22aac94cb48c509c32f999ca880338a94)
