"""Module facts keep their top-level functions and classes without the bodies, until asked.

Module facts bind each top-level ``def`` and ``class`` to its node, and most of a module's nodes
are in those bodies. Kept for the rest of the run, they made every full pass of the garbage
collector (flake8's own passes too) walk them: on Airflow, 3.4 million more objects scanned over
the run than flake8 alone, about 1.7 s. Few of those bodies are ever read (a factory's ``yield``,
a method's ``await``), so :func:`shed` drops them, and the first read of ``node.body`` parses
that definition's own lines again from the module's text, which the index keeps anyway (strings
cost the collector nothing).

A shed node is an instance of a subclass of its ``ast`` class with the same name (astroid's tree
rebuilder dispatches on the class name), so ``isinstance`` tests and ``_fields`` walks see what
they always saw; tables keyed by the exact node type (the session model's handlers) list the
subclasses of :data:`LAZY_DEFINITIONS` too. Only definitions in column 0 are shed: their lines
parse on their own.
"""
from __future__ import annotations

import ast
import re

# a line break as the tokenizer counts lines: \n, \r\n or a lone \r
_LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


def _read_body(node: ast.AST) -> list[ast.stmt]:
    body = node.__dict__.get("_body")
    if body is None:
        body = node.__dict__["_body"] = _parse_body(node)
    return body


def _write_body(node: ast.AST, value: list[ast.stmt]) -> None:
    node.__dict__["_body"] = value


def _lazy(base: type) -> type:
    return type(base.__name__, (base,), {"body": property(_read_body, _write_body), "__module__": __name__})


LAZY_DEFINITIONS = {base: _lazy(base) for base in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)}


def _parse_body(node: ast.AST) -> list[ast.stmt]:
    """The statements of a shed definition, parsed from its own lines (line numbers as in the
    module); from the whole module when its lines do not parse alone (``def f(): pass; x = (``)."""
    source = node.__dict__["_source"]  # [the module's text, its lines once split], one per module
    text: str = source[0]
    if source[1] is None:
        source[1] = _LINE_END.split(text)
    lines = source[1]
    segment = "".join(lines[node.lineno - 1:node.end_lineno])
    try:
        statements = ast.parse(segment).body
        found = statements[0] if statements else None
        if type(found) is type(node).__mro__[1] and found.name == node.name:
            ast.increment_lineno(found, node.lineno - 1)
            return found.body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    try:
        for statement in ast.parse(text).body:
            if getattr(statement, "lineno", None) == node.lineno and getattr(statement, "name", None) == node.name:
                return statement.body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    return [ast.Pass(lineno=node.lineno, col_offset=node.col_offset + 4,
                     end_lineno=node.lineno, end_col_offset=node.col_offset + 8)]


def shed(tree: ast.Module, text: str) -> None:
    """Drop the bodies of ``tree``'s column-0 functions and classes; they come back on first read."""
    source: list = [text, None]
    for node in tree.body:
        lazy = LAZY_DEFINITIONS.get(type(node))
        if lazy is None or node.col_offset != 0 or node.end_lineno is None:
            continue
        body = node.__dict__.pop("body", None)
        if body is None:
            continue
        node.__class__ = lazy
        node.__dict__["_source"] = source
