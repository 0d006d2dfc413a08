# From dstackai/dstack, src/dstack/_internal/core/backends/__init__.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
