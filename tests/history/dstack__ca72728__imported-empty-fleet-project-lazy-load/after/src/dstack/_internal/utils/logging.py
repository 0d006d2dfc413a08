# From dstackai/dstack, src/dstack/_internal/utils/logging.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
import logging


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)
