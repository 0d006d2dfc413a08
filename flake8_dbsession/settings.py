"""The option table both front ends read, and the validated Settings they build from it.

Every option is declared once here: name, kind, default, help and an example. ``plugin.py`` turns
the table into flake8 options; a later standalone runner reads the same keys from pyproject.toml.
A bad value raises :class:`SettingsError` whose text is one line naming the option and the fix.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property

DEFAULT_SESSION_NAMES = r"(?i)(session|engine|(^|_)db($|_)|database)"
# a module whose last part is one of these is session-related whatever dbs-session-names says
SESSION_MODULE_NAMES = frozenset({"db", "database", "session", "sessions"})

_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_MODULE_PATTERN = re.compile(r"^[A-Za-z_*][A-Za-z0-9_*]*(\.[A-Za-z_*][A-Za-z0-9_*]*)*$")
_CALL_PATTERN = re.compile(r"^[A-Za-z_*][A-Za-z0-9_*]*(\.[A-Za-z_*][A-Za-z0-9_*]*)*$")


class SettingsError(ValueError):
    """A bad option value; ``str(error)`` is a one-line message for the user."""


@dataclass(frozen=True)
class Option:
    name: str  # as on the command line, without the leading dashes
    kind: str  # "regex" | "names" | "globs" | "modules" | "calls" | "path"
    default: str
    help: str
    example: str

    @property
    def is_list(self) -> bool:
        return self.kind in ("names", "globs", "modules", "calls")

    @property
    def dest(self) -> str:
        """The Settings field: 'dbs-sync-factories' -> 'sync_factories'."""
        return self.name.removeprefix("dbs-").replace("-", "_")

    @property
    def flake8_dest(self) -> str:
        """The attribute flake8's option parser stores the value in."""
        return self.name.replace("-", "_")


OPTIONS: tuple[Option, ...] = (
    Option("dbs-session-names", "regex", DEFAULT_SESSION_NAMES,
           "regular expression: imported names that DBS001/DBS002 treat as session-related",
           r"dbs-session-names = (?i)(session|engine|db|database|uow)"),
    Option("dbs-sync-factories", "names", "",
           "comma-separated names whose call returns a sync Session (qualified 'app.db.SessionLocal' "
           "or bare 'SessionLocal'), for factories the linter cannot see",
           "dbs-sync-factories = app.db.SessionLocal, legacy_session"),
    Option("dbs-async-factories", "names", "",
           "comma-separated names whose call returns an AsyncSession",
           "dbs-async-factories = app.db.AsyncSessionLocal"),
    Option("dbs-sync-paths", "globs", "",
           "globs (relative to the project root, ** allowed) of files that must use only sync sessions",
           "dbs-sync-paths = app/threads/**, app/managers/**"),
    Option("dbs-async-paths", "globs", "",
           "globs of files that must use only async sessions",
           "dbs-async-paths = app/api/routes/**"),
    Option("dbs-io-calls", "calls", "",
           "extra slow external calls (dotted, * allowed) for DBS018/DBS019",
           "dbs-io-calls = app.clients.*.fetch, stripe.*"),
    Option("dbs-entrypoint-functions", "names", "main",
           "functions that may start an event loop (DBS010)",
           "dbs-entrypoint-functions = main, cli"),
    Option("dbs-ignore-modules", "modules", "",
           "modules DBS001 never reports (dotted, * allowed)",
           "dbs-ignore-modules = init, legacy.*"),
    Option("dbs-project-root", "path", "",
           "the project root when it cannot be found from pyproject.toml, setup.cfg, setup.py or .git",
           "dbs-project-root = src/.."),
)

OPTIONS_BY_NAME = {opt.name: opt for opt in OPTIONS}


@dataclass(frozen=True)
class Settings:
    session_names: re.Pattern = field(default_factory=lambda: re.compile(DEFAULT_SESSION_NAMES))
    sync_factories: tuple[str, ...] = ()
    async_factories: tuple[str, ...] = ()
    sync_paths: tuple[str, ...] = ()
    async_paths: tuple[str, ...] = ()
    io_calls: tuple[str, ...] = ()
    entrypoint_functions: tuple[str, ...] = ("main",)
    ignore_modules: tuple[str, ...] = ()
    project_root: str | None = None

    def session_named(self, name: str) -> bool:
        """Does ``name`` match ``dbs-session-names``? (asked for every import and attribute)"""
        known = _MATCHES.setdefault(self.session_names.pattern, {})
        found = known.get(name)
        if found is None:
            if len(known) > 65_536:
                known.clear()
            found = known[name] = self.session_names.search(name) is not None
        return found

    @cached_property
    def factory_names(self) -> frozenset[str]:
        """The last part of every configured factory ('app.db.SessionLocal' -> 'SessionLocal')."""
        return frozenset(n.rsplit(".", 1)[-1] for n in self.sync_factories + self.async_factories)

    @classmethod
    def from_values(cls, values: dict[str, object], base_dir: str | None = None) -> Settings:
        """Build from raw option values keyed by option name (strings or lists of strings)."""
        unknown = sorted(set(values) - set(OPTIONS_BY_NAME))
        if unknown:
            raise SettingsError(f"unknown option '{unknown[0]}'; known options: "
                                + ", ".join(OPTIONS_BY_NAME))
        parsed: dict[str, object] = {}
        for opt in OPTIONS:
            raw = values.get(opt.name)
            if raw is None:
                raw = opt.default
            parsed[opt.dest] = _parse(opt, raw, base_dir)
        both = set(parsed["sync_factories"]) & set(parsed["async_factories"])
        if both:
            raise SettingsError(f"'{sorted(both)[0]}' is in both dbs-sync-factories and "
                                "dbs-async-factories; a factory is one or the other")
        both = set(parsed["sync_paths"]) & set(parsed["async_paths"])
        if both:
            raise SettingsError(f"'{sorted(both)[0]}' is in both dbs-sync-paths and dbs-async-paths")
        return cls(**parsed)


# pattern -> name -> does it match: plain strings and booleans, which the garbage collector does
# not track (an lru_cache keyed by the compiled pattern kept thousands of tracked entries)
_MATCHES: dict[str, dict[str, bool]] = {}


def _as_list(raw: object) -> list[str]:
    if isinstance(raw, str):
        items = re.split(r"[,\s]+", raw)
    elif isinstance(raw, (list, tuple)):
        items = [str(x) for x in raw]
    else:
        raise SettingsError(f"expected a string or a list, got {type(raw).__name__}")
    return [item.strip() for item in items if item.strip()]


def _parse(opt: Option, raw: object, base_dir: str | None) -> object:
    if opt.is_list:
        items = _as_list(raw)
        for item in items:
            _check_item(opt, item)
        return tuple(items)
    if not isinstance(raw, str):
        raise SettingsError(f"{opt.name}: expected a string, got {type(raw).__name__}")
    value = raw.strip()
    if opt.kind == "regex":
        try:
            return re.compile(value or DEFAULT_SESSION_NAMES)
        except re.error as exc:
            raise SettingsError(f"{opt.name}: invalid regular expression {value!r}: {exc}") from None
    if opt.kind == "path":
        if not value:
            return None
        path = value if os.path.isabs(value) or base_dir is None else os.path.join(base_dir, value)
        if not os.path.isdir(path):
            raise SettingsError(f"{opt.name}: {value!r} is not a directory")
        return os.path.abspath(path)
    raise AssertionError(opt.kind)  # pragma: no cover


def _check_item(opt: Option, item: str) -> None:
    if opt.kind == "names" and not _DOTTED.match(item):
        raise SettingsError(f"{opt.name}: {item!r} is not a Python name or dotted name "
                            f"(example: {opt.example.split('= ', 1)[1]})")
    if opt.kind == "modules" and not _MODULE_PATTERN.match(item):
        raise SettingsError(f"{opt.name}: {item!r} is not a module name or pattern "
                            f"(example: {opt.example.split('= ', 1)[1]})")
    if opt.kind == "calls" and not _CALL_PATTERN.match(item):
        raise SettingsError(f"{opt.name}: {item!r} is not a dotted call pattern "
                            f"(example: {opt.example.split('= ', 1)[1]})")
    if opt.kind == "globs" and (item.startswith("/") or ".." in item.split("/")):
        raise SettingsError(f"{opt.name}: {item!r} must be relative to the project root, without '..'")
