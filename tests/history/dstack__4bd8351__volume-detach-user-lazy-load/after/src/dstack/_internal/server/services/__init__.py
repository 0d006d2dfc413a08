# From dstackai/dstack, src/dstack/_internal/server/services/__init__.py (fix 4bd8351e167d8022f54a11e9d083d4f3f9386683; before/ is its parent), reduced.
