"""The rule base class and the registry.

A rule declares its ``code`` and ``name`` and defines ``visit_<NodeType>`` / ``leave_<NodeType>``
methods; the analysis calls them from the one walk of the file, after the session model has seen
the node (``visit_``) and before it leaves it (``leave_``). A rule reads facts from ``self.model``
and reports with ``self.report(node, message)``.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from flake8_dbsession.analysis import FileContext
    from flake8_dbsession.fixes import Fix

REGISTRY: dict[str, type[Rule]] = {}


class Rule:
    code: str = ""
    name: str = ""
    summary: str = ""  # one line, used by the README table and the docs meta-test

    def __init__(self, file: FileContext) -> None:
        self.file = file
        self.model = file.model
        self.settings = file.settings

    def report(self, node: ast.AST, message: str, fix: Fix | None = None, related: tuple = ()) -> None:
        """``related``: :class:`~flake8_dbsession.findings.Related` steps of a cause in other
        functions (a step with an empty path is in this file)."""
        self.file.report(node, self.code, message, fix, related)

    def idle(self) -> bool:
        """True when the rule has nothing to do in this file under these settings (DBS011 with no
        policy configured): its hooks are then never called."""
        return False


def register(cls: type[Rule]) -> type[Rule]:
    if not (cls.code and cls.name and cls.summary):
        raise TypeError(f"{cls.__name__} must declare code, name and summary")
    if cls.code in REGISTRY:
        raise TypeError(f"{cls.code} registered twice")
    REGISTRY[cls.code] = cls
    return cls


_HOOK_NAMES: dict[type, list[tuple[str, type, str]]] = {}


def hooks(rule: Rule) -> dict[str, dict[type, Callable[[ast.AST], None]]]:
    """{'visit': {ast.Call: bound method, ...}, 'leave': {...}} for one rule instance."""
    names = _HOOK_NAMES.get(type(rule))
    if names is None:
        names = []
        for attr in dir(type(rule)):
            for prefix in ("visit", "leave"):
                if attr.startswith(prefix + "_"):
                    node_type = getattr(ast, attr[len(prefix) + 1:], None)
                    if isinstance(node_type, type) and issubclass(node_type, ast.AST):
                        names.append((prefix, node_type, attr))
        _HOOK_NAMES[type(rule)] = names
    out: dict[str, dict[type, Callable[[ast.AST], None]]] = {"visit": {}, "leave": {}}
    for prefix, node_type, attr in names:
        out[prefix][node_type] = getattr(rule, attr)
    return out
