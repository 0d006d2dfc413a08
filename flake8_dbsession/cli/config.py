"""Configuration files, found the way Ruff finds its own.

For each file, the nearest folder upward that has either a ``pyproject.toml`` with a
``[tool.flake8-dbsession]`` table, or a ``setup.cfg`` / ``tox.ini`` / ``.flake8`` with a ``[flake8]``
section (so a project moving from flake8 keeps its settings); ``--config FILE`` uses one file for
every path. Configurations are not merged. Relative paths and globs in a file are relative to its
folder. Every problem is a :class:`ConfigError` whose text is one line naming the file and the key.
"""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field

from flake8_dbsession.cli.selection import (
    Layer, PerFileIgnore, SelectionError, check_selectors, dbs_selectors, parse_per_file_ignores)
from flake8_dbsession.settings import OPTIONS_BY_NAME, Settings, SettingsError

from flake8_dbsession import toml_reader

TABLE = "flake8-dbsession"
OUTPUT_FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "pylint", "junit")
# Ruff's default excludes (0.17), plus 'build' and '__pycache__': see the README for why 'build' stays
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
    ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
    "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules", "site-packages",
    "venv",
)
_LIST_KEYS = ("select", "ignore", "extend-select", "extend-ignore", "exclude", "extend-exclude")
_OWN_KEYS = _LIST_KEYS + ("per-file-ignores", "respect-gitignore", "output-format")
_FLAKE8_FILES = ("setup.cfg", "tox.ini", ".flake8")


class ConfigError(ValueError):
    """A configuration problem; ``str(error)`` is one line."""


@dataclass(frozen=True)
class Config:
    """One configuration file's content (or the defaults), validated."""

    root: str  # the folder relative paths and globs start from
    source: str | None = None  # the file it came from
    settings: Settings = field(default_factory=Settings)
    layer: Layer = Layer()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    exclude: tuple[str, ...] | None = None  # None: the default list
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    output_format: str | None = None


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(item.strip() for item in value if item.strip())


def from_toml_table(table: dict, path: str) -> Config:
    """``[tool.flake8-dbsession]`` of ``path``."""
    root = os.path.dirname(os.path.abspath(path))
    where = f"{path}: [tool.{TABLE}]"
    values: dict[str, object] = {}
    own: dict[str, object] = {}
    for key, value in table.items():
        if key in _OWN_KEYS:
            own[key] = value
        elif f"dbs-{key}" in OPTIONS_BY_NAME:
            option = OPTIONS_BY_NAME[f"dbs-{key}"]
            if option.is_list:
                values[option.name] = list(_strings(value, f"{where} {key}"))
            elif not isinstance(value, str):
                raise ConfigError(f"{where} {key}: expected a string, got {value!r}")
            else:
                values[option.name] = value
        else:
            known = sorted(_OWN_KEYS + tuple(name.removeprefix("dbs-") for name in OPTIONS_BY_NAME))
            raise ConfigError(f"{where}: unknown key '{key}'; known keys: {', '.join(known)}")
    lists = {key: _strings(own[key], f"{where} {key}") for key in _LIST_KEYS if key in own}
    try:
        for key in ("select", "ignore", "extend-select", "extend-ignore"):
            if key in lists:
                check_selectors(lists[key], f"{where} {key}")
        pfi = own.get("per-file-ignores", {})
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where} per-file-ignores: expected a table of glob = [codes], got {pfi!r}")
        per_file = tuple(PerFileIgnore(glob, check_selectors(_strings(codes, f"{where} per-file-ignores"),
                                                             f"{where} per-file-ignores"), root)
                         for glob, codes in pfi.items())
    except SelectionError as exc:
        raise ConfigError(str(exc)) from None
    gitignore = own.get("respect-gitignore", True)
    if not isinstance(gitignore, bool):
        raise ConfigError(f"{where} respect-gitignore: expected true or false, got {gitignore!r}")
    output_format = own.get("output-format")
    if output_format is not None and output_format not in OUTPUT_FORMATS:
        raise ConfigError(f"{where} output-format: expected one of {', '.join(OUTPUT_FORMATS)}, "
                          f"got {output_format!r}")
    return Config(root, path, _settings(values, root, where),
                  Layer(lists.get("select"), lists.get("extend-select", ()),
                        lists.get("ignore", ()) + lists.get("extend-ignore", ())),
                  per_file, lists.get("exclude"), lists.get("extend-exclude", ()), gitignore, output_format)


def from_flake8_section(section: configparser.SectionProxy, path: str) -> Config:
    """``[flake8]`` of ``path``: the ``dbs-*`` options, and the DBS entries of flake8's own lists."""
    root = os.path.dirname(os.path.abspath(path))
    where = f"{path}: [flake8]"
    values: dict[str, object] = {}
    lists: dict[str, tuple[str, ...]] = {}
    per_file: tuple[PerFileIgnore, ...] = ()
    for raw_key, value in section.items():
        key = raw_key.replace("_", "-")
        if key.startswith("dbs-"):
            values[key] = value
        elif key in ("select", "ignore", "extend-select", "extend-ignore"):
            lists[key] = dbs_selectors(tuple(v.strip() for v in value.replace("\n", ",").split(",") if v.strip()))
        elif key in ("exclude", "extend-exclude"):
            lists[key] = tuple(v.strip() for v in value.replace("\n", ",").split(",") if v.strip())
        elif key == "per-file-ignores":
            try:
                entries = parse_per_file_ignores(value, root, f"{where} per-file-ignores")
            except SelectionError as exc:
                raise ConfigError(str(exc)) from None
            per_file = tuple(PerFileIgnore(e.pattern, dbs_selectors(e.codes), root) for e in entries)
    select = lists.get("select") if "select" in lists else None
    return Config(root, path, _settings(values, root, where),
                  Layer(select, lists.get("extend-select", ()),
                        lists.get("ignore", ()) + lists.get("extend-ignore", ())),
                  per_file, lists.get("exclude"), lists.get("extend-exclude", ()))


def _settings(values: dict[str, object], root: str, where: str) -> Settings:
    try:
        return Settings.from_values(values, base_dir=root)
    except SettingsError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def load_file(path: str) -> Config:
    """``--config FILE``: a pyproject.toml (its table), another TOML file (the whole file is the
    table) or an ini file with ``[flake8]``."""
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    if path.endswith(".toml"):
        data = _read_toml(path)
        table = data.get("tool", {}).get(TABLE) if os.path.basename(path) == "pyproject.toml" else data
        return from_toml_table(table or {}, path)
    section = _read_flake8(path)
    if section is None:
        raise ConfigError(f"{path}: no [flake8] section")
    return from_flake8_section(section, path)


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            return toml_reader.load(handle)
    except toml_reader.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _read_flake8(path: str) -> configparser.SectionProxy | None:
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {' '.join(str(exc).split())}") from None
    return parser["flake8"] if parser.has_section("flake8") else None


class ConfigFinder:
    """The configuration of each folder, found once per folder."""

    def __init__(self, cwd: str, fixed: Config | None = None) -> None:
        self.default = Config(cwd)
        self.fixed = fixed
        self._cache: dict[str, Config] = {}

    def for_dir(self, folder: str) -> Config:
        if self.fixed is not None:
            return self.fixed
        folder = os.path.abspath(folder)
        chain: list[str] = []
        found: Config | None = None
        current = folder
        while True:
            if current in self._cache:
                found = self._cache[current]
                break
            chain.append(current)
            found = self._here(current)
            if found is not None:
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = self.default
                break
            current = parent
        for visited in chain:
            self._cache[visited] = found
        return found

    def _here(self, folder: str) -> Config | None:
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            table = self._pyproject_table(pyproject)
            if table is not None:
                return from_toml_table(table, pyproject)
        for name in _FLAKE8_FILES:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                try:
                    section = _read_flake8(path)
                except ConfigError:
                    continue  # a broken setup.cfg is flake8's business; it is not ours unless it says [flake8]
                if section is not None:
                    return from_flake8_section(section, path)
        return None

    @staticmethod
    def _pyproject_table(path: str) -> dict | None:
        """Our table, None when the file has none. A file that does not parse is an error only
        when it would hold our table."""
        try:
            data = _read_toml(path)
        except ConfigError:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    mentions = f"[tool.{TABLE}" in handle.read()
            except OSError:
                mentions = False
            if mentions:
                raise
            return None
        table = data.get("tool", {}).get(TABLE) if isinstance(data.get("tool"), dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.{TABLE}] must be a table")
        return table
