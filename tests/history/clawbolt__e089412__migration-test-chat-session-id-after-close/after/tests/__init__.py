# From mozilla-ai/clawbolt, tests/__init__.py (fix e089412d504ff2cca60ab8911c3e9d09ac88ae9a; before/ is its parent).
