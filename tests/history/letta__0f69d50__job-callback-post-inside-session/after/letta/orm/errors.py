# From letta-ai/letta, letta/orm/errors.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
class NoResultFound(Exception):
    """A record or records cannot be found given the provided search params"""
