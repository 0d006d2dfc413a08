# From letta-ai/letta, memgpt/__init__.py (fix cc039e0c5518aef1896a67b8beb220e69ffac637; before/ is its parent), reduced.
__version__ = "0.3.24"
