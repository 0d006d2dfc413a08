# From dstackai/dstack, src/dstack/_internal/server/__init__.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
