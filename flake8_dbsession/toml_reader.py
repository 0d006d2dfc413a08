"""The package's one TOML reader: the standard library's ``tomllib`` from Python 3.11, its
backport ``tomli`` on 3.10 (a dependency there, see pyproject.toml). Every TOML file the package
reads (``pyproject.toml`` for configuration and for a project's declared dependencies) goes
through here, so no interpreter reads less than another."""
from __future__ import annotations

import sys
from typing import IO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError  # a ValueError


def load(handle: IO[bytes]) -> dict:
    return tomllib.load(handle)
