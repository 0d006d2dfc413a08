# From letta-ai/letta, letta/log.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
import logging


def get_logger(name: str | None = None) -> "logging.Logger":
    return logging.getLogger(name or "letta")
