# From dstackai/dstack, src/dstack/_internal/utils/logging.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
import logging


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)
