# From polarsource/polar, server/polar/kit/extensions/__init__.py (fix 4f748605f49cfd03f45b8bc3b6da33871b74f2ae; before/ is its parent), reduced.
