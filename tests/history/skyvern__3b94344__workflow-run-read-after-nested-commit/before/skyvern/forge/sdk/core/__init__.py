# From Skyvern-AI/skyvern, skyvern/forge/sdk/core/__init__.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
