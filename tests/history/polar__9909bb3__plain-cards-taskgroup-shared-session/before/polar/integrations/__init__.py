# From polarsource/polar, server/polar/integrations/__init__.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
