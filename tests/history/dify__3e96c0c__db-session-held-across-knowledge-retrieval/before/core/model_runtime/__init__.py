# Reduced from langgenius/dify, api/core/model_runtime/__init__.py at 6eb155ae69e1a8d8b0cd21d32ccd0a991700c341 (parent of fix 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7)
