"""The project around a linted file: its root and what it declares.

This first version answers what the foundation's rules need (the SQLAlchemy version a project
requires, for DBS004); it reads only small metadata files, never imports anything, and caches
per process.
"""
from __future__ import annotations

import configparser
import os
import re
from functools import lru_cache

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = None  # type: ignore[assignment]

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git")
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")
_FLOOR = re.compile(r"(>=|~=|==|>)\s*(\d+)\.(\d+)")


@lru_cache(maxsize=256)
def find_root(directory: str) -> str | None:
    """The nearest folder at or above ``directory`` holding a project marker."""
    current = os.path.abspath(directory)
    while True:
        if any(os.path.exists(os.path.join(current, marker)) for marker in ROOT_MARKERS):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def root_for_file(filename: str, configured: str | None = None) -> str | None:
    if configured:
        return configured
    if not filename or filename in ("-", "stdin"):
        return find_root(os.getcwd())
    return find_root(os.path.dirname(os.path.abspath(filename)))


@lru_cache(maxsize=64)
def declared_requirements(root: str) -> tuple[tuple[str, str], ...]:
    """(normalized distribution name, version specifier) pairs the project declares."""
    found: list[str] = []
    pyproject = os.path.join(root, "pyproject.toml")
    if tomllib is not None and os.path.isfile(pyproject):
        try:
            with open(pyproject, "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, ValueError):
            data = {}
        project = data.get("project", {}) if isinstance(data, dict) else {}
        found += [d for d in project.get("dependencies", []) if isinstance(d, str)]
        for extra in (project.get("optional-dependencies") or {}).values():
            found += [d for d in extra if isinstance(d, str)]
        poetry = data.get("tool", {}).get("poetry", {}) if isinstance(data, dict) else {}
        for table in ("dependencies", "dev-dependencies"):
            for name, spec in (poetry.get(table) or {}).items():
                version = spec.get("version", "") if isinstance(spec, dict) else str(spec)
                found.append(f"{name} {_poetry_spec(version)}")
    setup_cfg = os.path.join(root, "setup.cfg")
    if os.path.isfile(setup_cfg):
        parser = configparser.ConfigParser()
        try:
            parser.read(setup_cfg, encoding="utf-8")
            found += parser.get("options", "install_requires", fallback="").splitlines()
        except (configparser.Error, UnicodeDecodeError):
            pass
    try:
        names = sorted(os.listdir(root))
    except OSError:
        names = []
    for name in names:
        if name.startswith("requirements") and name.endswith(".txt"):
            try:
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as handle:
                    found += handle.read().splitlines()
            except OSError:
                pass
    out = []
    for line in found:
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        match = _REQ.match(line)
        if match and not line.startswith("-"):
            out.append((re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).strip()))
    return tuple(out)


def _poetry_spec(version: str) -> str:
    version = version.strip()
    if version.startswith("^"):
        return ">=" + version[1:]
    return version


def min_series(root: str | None, distribution: str) -> str | None:
    """'2.1' when the project requires ``distribution >= 2.1``; None when it does not say."""
    if root is None:
        return None
    best = None
    for name, spec in declared_requirements(root):
        if name != distribution:
            continue
        for _, major, minor in _FLOOR.findall(spec):
            key = (int(major), int(minor))
            best = key if best is None or key > best else best
    return f"{best[0]}.{best[1]}" if best else None
