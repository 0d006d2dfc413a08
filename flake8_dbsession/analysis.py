"""One file, one walk: the session model and every enabled rule, multiplexed over a single pass."""
from __future__ import annotations

import ast
from functools import cached_property
from typing import Iterable

from flake8_dbsession.findings import Finding
from flake8_dbsession.model.session_model import Resolver, SessionModel
from flake8_dbsession.model.walk import walk
from flake8_dbsession.project import index
from flake8_dbsession.rules import REGISTRY
from flake8_dbsession.rules.base import hooks
from flake8_dbsession.settings import Settings

_RELEVANT = ("sqlalchemy", "sqlmodel")


class FileContext:
    def __init__(self, filename: str, settings: Settings, resolver: Resolver | None = None) -> None:
        self.filename = filename
        self.settings = settings
        self.model = SessionModel(settings, resolver)
        self.findings: list[Finding] = []
        self._seen: set[tuple[int, int, str]] = set()

    @cached_property
    def sqlalchemy_min_series(self) -> str | None:
        """The oldest SQLAlchemy series the project admits ('2.1'), when it says."""
        return index.min_series(index.root_for_file(self.filename, self.settings.project_root), "sqlalchemy")

    def report(self, node: ast.AST, code: str, message: str) -> None:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        key = (line, col, code)
        if key not in self._seen:
            self._seen.add(key)
            self.findings.append(Finding(line, col, code, message))


class _Dispatcher:
    """Calls the rules' visit_/leave_ hooks, by node type."""

    def __init__(self, rules: list) -> None:
        self.visit: dict[type, list] = {}
        self.leave_: dict[type, list] = {}
        for rule in rules:
            table = hooks(rule)
            for node_type, fn in table["visit"].items():
                self.visit.setdefault(node_type, []).append(fn)
            for node_type, fn in table["leave"].items():
                self.leave_.setdefault(node_type, []).append(fn)

    def enter(self, node: ast.AST) -> None:
        for fn in self.visit.get(type(node), ()):
            fn(node)

    def leave(self, node: ast.AST) -> None:
        for fn in self.leave_.get(type(node), ()):
            fn(node)


def might_use_sessions(source: str, settings: Settings) -> bool:
    """Cheap gate: a file that never names SQLAlchemy, sqlmodel or a configured factory has
    nothing for these rules (the project index widens this for first-party imports)."""
    if any(word in source for word in _RELEVANT):
        return True
    names = settings.sync_factories + settings.async_factories
    return any(name.rsplit(".", 1)[-1] in source for name in names)


def analyze(tree: ast.AST, filename: str, settings: Settings, codes: Iterable[str] | None = None,
            resolver: Resolver | None = None) -> list[Finding]:
    """Run the enabled rules (all when ``codes`` is None) over one parsed file."""
    file = FileContext(filename, settings, resolver)
    enabled = [cls for code, cls in sorted(REGISTRY.items()) if codes is None or code in codes]
    rules = [cls(file) for cls in enabled]
    walk(tree, [file.model, _Dispatcher(rules)])
    return sorted(file.findings)
