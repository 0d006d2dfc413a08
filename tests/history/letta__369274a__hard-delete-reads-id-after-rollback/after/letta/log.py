# From letta-ai/letta, letta/log.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
import logging


def get_logger(name: str | None = None) -> "logging.Logger":
    return logging.getLogger(name or "letta")
