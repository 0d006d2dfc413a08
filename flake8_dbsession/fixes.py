"""Fixes as data: the edits that repair a finding, attached to it by the rule that reports it.

An :class:`Edit` replaces the text between two ``ast`` positions (line 1-based, column a 0-based
UTF-8 byte offset, as ``col_offset``) with new text, and remembers the text it expects to replace,
so a front end applies it only to the source it was computed on. A :class:`Fix` is the edits of
one finding; ``safe`` fixes keep the program's meaning (they only make it work), unsafe ones change
what runs (``--unsafe-fixes``).

Three rules repair their findings (issue 10): DBS005 inserts ``await`` (parenthesised where a
trailing ``.attr`` / ``[...]`` / ``(...)`` needs it), DBS006 removes it, DBS007 turns ``with`` into
``async with`` and back when every item of the statement supports the other protocol.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    line: int
    col: int
    end_line: int
    end_col: int
    text: str  # the replacement
    expected: str  # what the range holds in the source the fix was made for


@dataclass(frozen=True)
class Fix:
    title: str  # "Insert 'await'": the code action's title
    edits: tuple[Edit, ...]
    safe: bool = True


# a trailing .attr, [...] or (...) binds tighter than 'await': it needs parentheses
_TIGHTER = (ast.Attribute, ast.Subscript)


def insert_await(call: ast.Call, ancestors: list[ast.AST], in_async_function: bool) -> Fix | None:
    """``db.delete(job)`` -> ``await db.delete(job)``; ``db.execute(q).scalars()`` ->
    ``(await db.execute(q)).scalars()``. None where ``await`` is not allowed or would change more
    than the call: outside ``async def`` (lambdas included), in a generator expression (it would
    become an async generator), in an f-string (positions inside them are not reliable)."""
    if not in_async_function or call.end_lineno is None or call.end_col_offset is None:
        return None
    for ancestor in reversed(ancestors[:-1]):
        if isinstance(ancestor, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            break
        if isinstance(ancestor, (ast.GeneratorExp, ast.JoinedStr, ast.ClassDef)):
            return None
    parent = ancestors[-2] if len(ancestors) > 1 else None
    wrap = isinstance(parent, _TIGHTER) and parent.value is call or \
        isinstance(parent, ast.Call) and parent.func is call
    start = Edit(call.lineno, call.col_offset, call.lineno, call.col_offset, "(await " if wrap else "await ", "")
    edits = (start,)
    if wrap:
        edits += (Edit(call.end_lineno, call.end_col_offset, call.end_lineno, call.end_col_offset, ")", ""),)
    return Fix("Insert 'await'", edits)


def remove_await(node: ast.Await, safe: bool = True) -> Fix | None:
    """``await db.add(x)`` -> ``db.add(x)``: the text from ``await`` to the awaited expression, on
    one line."""
    value = node.value
    if value.lineno != node.lineno or value.col_offset <= node.col_offset:
        return None
    width = value.col_offset - node.col_offset
    return Fix("Remove 'await'", (Edit(node.lineno, node.col_offset, node.lineno, value.col_offset, "",
                                       "await" + " " * (width - 5)),), safe)


def toggle_async_with(node: ast.With | ast.AsyncWith, lines: list[str] | None) -> Fix | None:
    """``with`` -> ``async with`` (inside ``async def`` only; the caller checks), or ``async with``
    -> ``with``: one edit on the statement's keyword, so every item changes together."""
    if isinstance(node, ast.With):
        return Fix("Use 'async with'", (Edit(node.lineno, node.col_offset, node.lineno, node.col_offset,
                                             "async ", ""),))
    if not lines or node.lineno > len(lines):
        return None
    raw = lines[node.lineno - 1].encode("utf-8")[node.col_offset:]
    if not raw.startswith(b"async"):
        return None
    spaces = len(raw[5:]) - len(raw[5:].lstrip(b" \t"))
    if spaces == 0 or not raw[5 + spaces:].startswith(b"with"):
        return None  # 'async \' + newline + 'with': leave it to the user
    expected = raw[:5 + spaces].decode("utf-8")
    return Fix("Use 'with'", (Edit(node.lineno, node.col_offset, node.lineno, node.col_offset + 5 + spaces, "",
                                   expected),))
