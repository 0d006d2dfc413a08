# From letta-ai/letta, letta/services/__init__.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
