# From langflow-ai/langflow, src/backend/langflow/__init__.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from importlib import metadata

try:
    __version__ = metadata.version(__package__)
except metadata.PackageNotFoundError:
    # Case where package metadata is not available.
    __version__ = ""
del metadata  # optional, avoids polluting the results of dir(__package__)
