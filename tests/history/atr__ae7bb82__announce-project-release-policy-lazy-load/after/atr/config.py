# From apache/tooling-trusted-releases, atr/config.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

import os
from typing import Final

import decouple

_MB: Final = 1024 * 1024


class AppConfig:
    PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    STATE_DIR = decouple.config("STATE_DIR", default=os.path.join(PROJECT_ROOT, "state"))
    APP_HOST = decouple.config("APP_HOST", default="localhost")
    SQLITE_DB_PATH = decouple.config("SQLITE_DB_PATH", default="atr.db")
    DOWNLOADS_STORAGE_DIR = os.path.join(STATE_DIR, "downloads")
    FINISHED_STORAGE_DIR = os.path.join(STATE_DIR, "finished")
    UNFINISHED_STORAGE_DIR = os.path.join(STATE_DIR, "unfinished")


def get() -> type[AppConfig]:
    return AppConfig
