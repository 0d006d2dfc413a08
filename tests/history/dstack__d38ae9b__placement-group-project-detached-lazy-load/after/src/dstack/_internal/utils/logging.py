# From dstackai/dstack, src/dstack/_internal/utils/logging.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
import logging


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)
