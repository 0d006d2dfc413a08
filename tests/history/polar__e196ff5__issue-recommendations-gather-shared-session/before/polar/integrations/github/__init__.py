# From polarsource/polar, server/polar/integrations/github/__init__.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
