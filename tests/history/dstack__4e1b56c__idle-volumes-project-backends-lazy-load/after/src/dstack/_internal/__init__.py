# From dstackai/dstack, src/dstack/_internal/__init__.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
