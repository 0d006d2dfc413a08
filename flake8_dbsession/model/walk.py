"""The one pass: an iterative depth-first walk that calls ``enter``/``leave`` on listeners.

Iterative, so a deeply nested expression (``a + a + ... + a`` ten thousand times) cannot exhaust
the interpreter's stack. Children are visited in field order, which is source order for
statements and, for ``with`` items, puts the item (and its target binding) before the body.
"""
from __future__ import annotations

import ast
from typing import Callable, Iterable, Protocol


class Listener(Protocol):
    def enter(self, node: ast.AST) -> None: ...

    def leave(self, node: ast.AST) -> None: ...


def walk(root: ast.AST, listeners: Iterable[Listener], prune: Callable[[ast.AST], bool] | None = None) -> None:
    """Enter and leave every node under ``root``; ``prune(node)`` True keeps the walk out of that
    node's children (it is still entered and left)."""
    listeners = list(listeners)
    enters = [listener.enter for listener in listeners]
    leaves = [listener.leave for listener in reversed(listeners)]
    stack: list[tuple[ast.AST, bool]] = [(root, False)]
    pop, push = stack.pop, stack.append
    iter_children = ast.iter_child_nodes
    while stack:
        node, leaving = pop()
        if leaving:
            for leave in leaves:
                leave(node)
            continue
        for enter in enters:
            enter(node)
        push((node, True))
        if prune is not None and node is not root and prune(node):
            continue
        children = list(iter_children(node))
        for child in reversed(children):
            push((child, False))


def own_nodes(func: ast.AST) -> Iterable[ast.AST]:
    """The nodes of a function body that belong to it: nested defs, lambdas and classes are skipped."""
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))
