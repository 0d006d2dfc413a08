# From letta-ai/letta, letta/orm/errors.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
class NoResultFound(Exception):
    """A record or records cannot be found given the provided search params"""
