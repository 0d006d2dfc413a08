# From dstackai/dstack, src/dstack/_internal/core/models/backends/__init__.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent).
