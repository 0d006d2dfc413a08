# From Agenta-AI/agenta, api/oss/src/utils/logging.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
import logging


def get_module_logger(path: str) -> logging.Logger:
    return logging.getLogger(path)
