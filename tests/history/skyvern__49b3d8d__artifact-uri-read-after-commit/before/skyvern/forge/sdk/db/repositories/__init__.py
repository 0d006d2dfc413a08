# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/repositories/__init__.py (fix 49b3d8d72c2459037d444da63fbc0af495b935fc; before/ is its parent), reduced.
