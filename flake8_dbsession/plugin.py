"""The flake8 entry point: declares the options, runs the analysis, yields flake8's tuples."""
from __future__ import annotations

import ast
import sys
from typing import Any, Iterator

from flake8_dbsession import __version__
from flake8_dbsession.analysis import analyze, worth_linting
from flake8_dbsession.rules import REGISTRY
from flake8_dbsession.settings import OPTIONS, Settings, SettingsError


class DBSessionChecker:
    name = "flake8-dbsession"
    version = __version__

    settings: Settings = Settings()
    enabled: frozenset[str] | None = None  # None: every rule (flake8 filters the output anyway)

    def __init__(self, tree: ast.AST, filename: str = "", lines: list[str] | None = None) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines or []

    @classmethod
    def add_options(cls, manager: Any) -> None:
        for opt in OPTIONS:
            manager.add_option(
                f"--{opt.name}",
                default=opt.default,
                parse_from_config=True,
                comma_separated_list=opt.is_list,
                help=f"{opt.help} (example: {opt.example})",
            )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        values = {opt.name: getattr(options, opt.flake8_dest, None) for opt in OPTIONS}
        try:
            cls.settings = Settings.from_values({k: v for k, v in values.items() if v is not None})
        except SettingsError as exc:
            sys.stderr.write(f"flake8-dbsession: error: {exc}\n")
            raise SystemExit(2) from None
        cls.enabled = _enabled_codes(options)

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        source = "".join(self.lines)
        if self.lines and not worth_linting(source, self.settings):
            return
        try:
            findings = analyze(self.tree, self.filename, self.settings, self.enabled, lines=self.lines or None)
        except RecursionError:  # pathological nesting beyond what the walk can follow
            return
        for finding in findings:
            yield finding.line, finding.col, finding.text, type(self)


def _enabled_codes(options: Any) -> frozenset[str] | None:
    """The codes flake8 would report, so disabled rules are not even instantiated."""
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        return frozenset(code for code in REGISTRY if engine.decision_for(code) is Decision.Selected)
    except Exception:  # noqa: BLE001 - flake8 internals moved: run everything, flake8 still filters
        return None
