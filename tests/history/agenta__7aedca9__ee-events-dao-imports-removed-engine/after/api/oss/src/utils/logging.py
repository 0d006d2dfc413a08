# From Agenta-AI/agenta, api/oss/src/utils/logging.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent), reduced (structlog MultiLogger replaced by the stdlib logger).
import os
import re
import logging
from typing import Optional


def get_logger(name: Optional[str] = None) -> logging.Logger:
    return logging.getLogger(name)


def get_module_logger(path: str) -> logging.Logger:
    match = re.search(r"(?:/sdk|/api)(/.*)", path)
    if match:
        trimmed = match.group(0).lstrip("/")
        dotted = trimmed.removesuffix(".py").replace("/", ".")
        return get_logger(dotted)
    return get_logger(os.path.basename(path).removesuffix(".py"))
