# From dstackai/dstack, src/dstack/_internal/utils/__init__.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
