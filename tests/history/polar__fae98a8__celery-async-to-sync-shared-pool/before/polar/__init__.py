# From polarsource/polar, server/polar/__init__.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
