"""The project's class hierarchy: the first-party subclasses of a class, found from the code.

Decision 9 of the catalog: a call on a receiver whose class comes from an annotation (or a
``cast``, or ``self`` inside the class) may run the method of any first-party subclass that
overrides it; its effects are the union of those bodies. Subclasses are found from the project's
files: one scan per process and project of every ``class Name(Bases):`` statement's text (no
parse), then each candidate whose bases spell the class's name is resolved through the project
resolver, and kept only when one of its bases *is* that class. Nothing is guessed from names.
"""
from __future__ import annotations

import ast
import os
import re

from flake8_dbsession.model.classes import ClassMethods, ClassRef

MAX_FILES = 30_000
MAX_SUBCLASSES = 24
_SKIP_DIRS = {"node_modules", "__pycache__", "site-packages", "dist-packages", "build", "dist"}
# 'class Name(' and the bases up to the closing parenthesis (several lines allowed)
_CLASS = re.compile(r"^[ \t]*class[ \t]+(\w+)[ \t]*\(([^)]*)\)", re.M)
_WORD = re.compile(r"[A-Za-z_]\w*")

# project root -> base class name (as spelt) -> [(file, subclass name)]
_by_base: dict[str, dict[str, list[tuple[str, str]]]] = {}
# (file, class name, line) -> its subclasses' (file, name) as resolved; plain data
_resolved: dict[tuple[str, str, int], tuple[tuple[str, str], ...]] = {}


def forget() -> None:
    _by_base.clear()
    _resolved.clear()


def _python_files(root: str):
    count = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS
                   and not os.path.isfile(os.path.join(folder, d, "pyvenv.cfg"))]
        for name in files:
            if name.endswith(".py"):
                count += 1
                if count > MAX_FILES:
                    return
                yield os.path.join(folder, name)


def _text(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def class_statements(root: str) -> dict[str, list[tuple[str, str]]]:
    """base name -> [(file, class)] for every ``class X(..., Base, ...)`` under ``root`` (the
    texts are read, searched and dropped: the index keeps only the table)."""
    table = _by_base.get(root)
    if table is None:
        table = _by_base[root] = {}
        for path in _python_files(root):
            text = _text(path)
            if not text or "class" not in text:
                continue
            for match in _CLASS.finditer(text):
                for word in set(_WORD.findall(match.group(2))):
                    table.setdefault(word, []).append((path, match.group(1)))
    return table


class Hierarchy:
    """Subclasses of first-party classes, for one linted file's resolver."""

    def __init__(self, classes: ClassMethods, index, own_path: str | None) -> None:
        self.classes = classes
        self.index = index  # the project index: root, module names
        self.own_path = own_path  # the linted file (its classes' ClassRef.path is None)

    def subclasses(self, cls: ClassRef, depth: int = 0) -> list[ClassRef]:
        """First-party classes derived from ``cls`` (directly or not), nearest first."""
        if self.index is None or self.index.root is None:
            return []
        key = (self._path(cls), cls.node.name, cls.node.lineno)
        found = _resolved.get(key)
        refs: list[ClassRef] = []
        if found is None:
            table = class_statements(self.index.root)
            direct = []
            for path, name in table.get(cls.node.name, ()):
                ref = self._class_at(path, name)
                if ref is not None and ref.node is not cls.node and self._derives(ref, cls):
                    direct.append(ref)
            refs = list(direct)
            if depth < 2:
                for sub in direct:
                    refs += [r for r in self.subclasses(sub, depth + 1) if r.node not in {x.node for x in refs}]
            refs = refs[:MAX_SUBCLASSES]
            _resolved[key] = tuple((self._path(r), r.node.name) for r in refs)
            return refs
        for path, name in found:
            ref = self._class_at(path, name)
            if ref is not None:
                refs.append(ref)
        return refs

    def _class_at(self, path: str, name: str) -> ClassRef | None:
        module = self.index.module_name(path)
        if module is None:
            return None
        return self.classes.resolve_qualname(f"{module}.{name}")

    def _derives(self, sub: ClassRef, cls: ClassRef) -> bool:
        for base in sub.node.bases:
            if isinstance(base, ast.Subscript):
                base = base.value  # Base[T]
            ref = self.classes.resolve(base, sub.qualname_of, sub.path)
            if ref is not None and (ref.node is cls.node or (ref.node.name, ref.node.lineno, self._path(ref))
                                    == (cls.node.name, cls.node.lineno, self._path(cls))):
                return True
        return False

    def _path(self, cls: ClassRef) -> str:
        return os.path.abspath(cls.path or self.own_path or "")
