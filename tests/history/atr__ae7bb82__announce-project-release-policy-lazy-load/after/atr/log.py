# From apache/tooling-trusted-releases, atr/log.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

import logging


def _logger() -> logging.Logger:
    return logging.getLogger("atr")


def error(msg: str) -> None:
    _logger().error(msg)


def info(msg: str) -> None:
    _logger().info(msg)
