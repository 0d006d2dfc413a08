"""One file, one walk: the session model and every enabled rule, multiplexed over a single pass."""
from __future__ import annotations

import ast
import os
from functools import cached_property
from typing import Iterable

from flake8_dbsession.findings import Finding, Related
from flake8_dbsession.fixes import Fix
from flake8_dbsession.model.session_model import Resolver, SessionModel
from flake8_dbsession.model.walk import walk_with_hooks
from flake8_dbsession.parsing import collector_held
from flake8_dbsession.project import index as project_index
from flake8_dbsession.project import metadata
from flake8_dbsession.project.resolve import ProjectResolver, resolver_for
from flake8_dbsession.relevance import might_use_sessions, worth_linting
from flake8_dbsession.rules import REGISTRY, io_calls
from flake8_dbsession.rules.base import hooks
from flake8_dbsession.settings import Settings


class FileContext:
    """One linted file: its settings, its project, its session model, and the findings so far."""

    def __init__(self, filename: str, settings: Settings, resolver: Resolver | None = None,
                 lines: list[str] | None = None) -> None:
        self.filename = filename
        # absolute once here: import roots are asked per import and name, and cached by this path
        self.path = os.path.abspath(filename) if filename and filename not in ("-", "stdin") else filename
        self.lines = lines  # the source, when the front end has it (fixes and text gates read it)
        self.settings = settings
        self.project = project_index.for_file(filename, settings.project_root)
        if resolver is None:
            resolver = resolver_for(self.project, settings, self.path)
        self.resolver = resolver
        self.model = SessionModel(settings, resolver)
        self.findings: list[Finding] = []
        self._seen: set[tuple[int, int, str]] = set()

    @cached_property
    def sqlalchemy_min_series(self) -> str | None:
        """The oldest SQLAlchemy series the project admits ('2.1'), when it says."""
        return metadata.min_series(self.project.root, "sqlalchemy")

    @cached_property
    def source(self) -> str | None:
        """The file's text, when the front end gave its lines (None: text gates let all through)."""
        return "".join(self.lines) if self.lines is not None else None

    @property
    def project_resolver(self) -> ProjectResolver | None:
        return self.resolver if isinstance(self.resolver, ProjectResolver) else None

    def report(self, node: ast.AST, code: str, message: str, fix: Fix | None = None,
               related: tuple[Related, ...] = ()) -> None:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        key = (line, col, code)
        if key not in self._seen:
            self._seen.add(key)
            end_line = getattr(node, "end_lineno", None) or line
            end_col = getattr(node, "end_col_offset", None)
            related = tuple(r if r.path else Related(self.filename, r.line, r.col, r.note) for r in related)
            self.findings.append(Finding(line, col, code, message, end_line, col if end_col is None else end_col,
                                         fix, related))


def forget_sources(files_changed: bool = False) -> None:
    """Drop everything learnt from the project's files (the language server calls this when a
    buffer or a file changes): indexes and their texts, module facts, the answers derived from
    them, and the slow-call verdicts on other modules' functions."""
    project_index.forget(files_changed)
    ProjectResolver.forget()
    io_calls.forget()


def _hook_tables(rules: list) -> tuple[dict, dict]:
    """{node type: [bound visit_ methods]}, {node type: [bound leave_ methods]} for the rules."""
    enter: dict[type, list] = {}
    leave: dict[type, list] = {}
    for rule in rules:
        table = hooks(rule)
        for node_type, fn in table["visit"].items():
            enter.setdefault(node_type, []).append(fn)
        for node_type, fn in table["leave"].items():
            leave.setdefault(node_type, []).append(fn)
    return enter, leave


def analyze(tree: ast.AST, filename: str, settings: Settings, codes: Iterable[str] | None = None,
            resolver: Resolver | None = None, lines: list[str] | None = None) -> list[Finding]:
    """Run the enabled rules (all when ``codes`` is None) over one parsed file (``lines``: its
    source, which some fixes need)."""
    file = FileContext(filename, settings, resolver, lines)
    enabled = [cls for code, cls in sorted(REGISTRY.items()) if codes is None or code in codes]
    rules = [rule for rule in (cls(file) for cls in enabled) if not rule.idle()]
    enter, leave = _hook_tables(rules)
    with collector_held():  # the other modules' trees are shed before it runs (see parsing)
        try:
            walk_with_hooks(tree, file.model, enter, leave)
        finally:
            # nothing of this file's analysis is kept: break its reference cycles now (see dispose)
            file.model.dispose()
            for rule in rules:
                rule.__dict__.clear()
            ProjectResolver.release_evicted()
            file.project.release_trees()
    return sorted(file.findings)


__all__ = ["FileContext", "analyze", "might_use_sessions", "worth_linting"]
