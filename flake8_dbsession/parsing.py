"""Parsing other modules' text, for questions about them (module facts, bodies read again).

The garbage collector is held off while one text is parsed: a module's tree is made of fresh
nodes that all stay alive until the tree is dropped and that hold no reference cycles, so each
young collection triggered by the allocations would only walk them and promote them (measured on
Airflow: about 0.2 s of the plugin's 2.3 s). The collector runs again as soon as the parse is over,
and is left alone when it was already off. The linted file's own tree is flake8's, not parsed here.

The analysis of a file holds it off too (:func:`collector_held` in ``analysis.analyze``): the
trees parsed for its questions stay alive until the file is done and their bodies are shed then
(see :mod:`~flake8_dbsession.model.lazy_bodies`), so every collection meanwhile walked each tree
and promoted it, only for most of it to die by reference count at the end (measured on superset:
0.2 s of collections right after parses). Shed before the collector runs again, the dead bodies
are never walked; what survives is walked once, by the next collection.
"""
from __future__ import annotations

import ast
import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def collector_held() -> Iterator[None]:
    """The garbage collector off for the block, and on again after it (left alone when it was
    already off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse(text: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse(text, filename)`` without collections during it (raises as it does)."""
    with collector_held():
        return ast.parse(text, filename)
