"""The project's class hierarchy: the first-party subclasses of a class, found from the code; and
the names of the functions the project defines (a call of any other name runs no first-party body).

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
from flake8_dbsession.model.syntax import method_of

MAX_FILES = 30_000
MAX_SUBCLASSES = 24
_SKIP_DIRS = {"node_modules", "__pycache__", "site-packages", "dist-packages", "build", "dist"}
# 'class Name(' and the bases up to the closing parenthesis (several lines allowed)
_CLASS = re.compile(r"class[ \t]+(\w+)[ \t]*\(([^)]*)\)")
_WORD = re.compile(r"[A-Za-z_]\w*")

# unanchored, with a literal start: the regex engine scans for the literal (a '^' anchor under
# re.M is tried at every character). A match in a comment or a string only widens the gates.
_DEF = re.compile(r"def[ \t]+(\w+)")
_ASYNC_DEF = re.compile(r"async[ \t]+def[ \t]+(\w+)")
# '.state.NAME =' (not '=='): where an application's state may be assigned (see app_state)
_STATE = re.compile(r"\.state\.(\w+)[ \t]*=(?!=)")


class ClassTable:
    """Every ``class X(..., Base, ...)`` statement under a root, read from the text: base name ->
    [(file, class)], and per file the names of the methods it defines (an override is looked
    for only where its name is defined)."""

    def __init__(self) -> None:
        self.by_base: dict[str, list[tuple[str, str]] | tuple[tuple[str, str], ...]] = {}
        self.defined: dict[str, frozenset[str]] = {}
        # every function and method name the project defines, and those defined 'async def':
        # a call whose name is not here cannot run a first-party body
        self.functions: set[str] = set()
        self.coroutines: set[str] = set()
        # NAME -> the files that assign some '<x>.state.NAME' (app_state reads only those)
        self.state_assigned: dict[str, list[str] | tuple[str, ...]] = {}
        # the project builds session factories ('sessionmaker(') and never names expire_on_commit:
        # its sessions expire every object on commit, SQLAlchemy's default
        self.builds_factories = False
        self.names_expire_on_commit = False
        # the names of the relationships declared lazy="raise" / "raise_on_sql" (read from the text:
        # the nearest 'name = relationship(' / 'name: ... = Relationship(' above each)
        self.raise_relationships: set[str] = set()

    def descendants(self, name: str, depth: int = 3) -> list[tuple[str, str]]:
        """(file, class) of the classes whose bases spell ``name``, and theirs, nearest first."""
        out: list[tuple[str, str]] = []
        frontier = [name]
        for _ in range(depth):
            found = [entry for base in frontier for entry in self.by_base.get(base, ()) if entry not in out]
            out += found
            frontier = [cls for _, cls in found]
            if not frontier:
                break
        return out


# project root -> its class table; (file, class, line, method) -> overrides as (file, class)
_tables: dict[str, ClassTable] = {}
_resolved: dict[tuple, tuple[tuple[str, str], ...]] = {}


def forget() -> None:
    _tables.clear()
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


_RELATIONSHIP_ASSIGN = re.compile(r"^[ \t]+(\w+)[ \t]*(?::[^=\n]*)?=[ \t]*(?:\w+\.)?[Rr]elationship\(", re.M)
_RAISE = re.compile(r"lazy[ \t]*=[ \t]*[\"']raise")


def _raise_relationship_names(text: str) -> set[str]:
    """The relationships a module's text declares lazy="raise" (or "raise_on_sql")."""
    starts = [(m.start(), m.group(1)) for m in _RELATIONSHIP_ASSIGN.finditer(text)]
    out = set()
    for found in _RAISE.finditer(text):
        before = [name for start, name in starts if start < found.start()]
        if before:
            out.add(before[-1])
    return out


def class_table(root: str) -> ClassTable:
    """The class table of ``root``, built once per process (the texts are read, searched and
    dropped: only the table is kept)."""
    table = _tables.get(root)
    if table is None:
        table = _tables[root] = ClassTable()
        for path in _python_files(root):
            text = _text(path)
            if not text:
                continue
            defined = frozenset(_DEF.findall(text))
            table.functions |= defined
            if "async" in text:
                table.coroutines.update(_ASYNC_DEF.findall(text))
            if "sessionmaker(" in text:
                table.builds_factories = True
            if "expire_on_commit" in text:
                table.names_expire_on_commit = True
            if "lazy=\"raise" in text or "lazy='raise" in text:
                table.raise_relationships |= _raise_relationship_names(text)
            if ".state." in text:
                for name in set(_STATE.findall(text)):
                    table.state_assigned.setdefault(name, []).append(path)
            if "class" not in text:
                continue
            derived = False
            for match in _CLASS.finditer(text):
                for word in set(_WORD.findall(match.group(2))):
                    table.by_base.setdefault(word, []).append((path, match.group(1)))
                    derived = True
            if derived:
                table.defined[path] = defined
        # tuples of strings: the garbage collector stops tracking them (flake8's own collections
        # then do not scan the table again and again)
        table.by_base = {base: tuple(entries) for base, entries in table.by_base.items()}
        table.state_assigned = {name: tuple(paths) for name, paths in table.state_assigned.items()}
    return table


class Hierarchy:
    """Subclasses of first-party classes, for one linted file's resolver."""

    def __init__(self, classes: ClassMethods, index, own_path: str | None) -> None:
        self.classes = classes
        self.index = index  # the project index: root, module names
        self.own_path = own_path  # the linted file (its classes' ClassRef.path is None)

    def overrides(self, cls: ClassRef, method: str, worth=None) -> list[ClassRef]:
        """First-party subclasses of ``cls`` (directly or not) that define ``method`` themselves;
        ``worth(path)``: a text gate on the files worth parsing for the question asked."""
        if self.index is None or self.index.root is None:
            return []
        key = (self._path(cls), cls.name, cls.lineno, method, worth is None)
        found = _resolved.get(key)
        if found is None:
            table = class_table(self.index.root)
            refs = []
            for path, name in table.descendants(cls.name):
                if method not in table.defined.get(path, ()) or (worth is not None and not worth(path)):
                    continue  # cheap: that file defines no method of the name, or cannot be slow
                ref = self._class_at(path, name)
                if ref is not None and method_of(ref.node, method) is not None and self._descends(ref, cls):
                    refs.append(ref)
                if len(refs) >= MAX_SUBCLASSES:
                    break
            _resolved[key] = tuple((self._path(r), r.node.name) for r in refs)
            return refs
        return [ref for ref in (self._class_at(path, name) for path, name in found) if ref is not None]

    def _class_at(self, path: str, name: str) -> ClassRef | None:
        module = self.index.module_name(path)
        if module is None:
            return None
        return self.classes.resolve_qualname(f"{module}.{name}")

    def _descends(self, sub: ClassRef, cls: ClassRef, depth: int = 0) -> bool:
        """Is ``cls`` among the first-party bases of ``sub`` (a few levels up)?"""
        if depth > 3:
            return False
        for base in sub.node.bases:
            if isinstance(base, ast.Subscript):
                base = base.value  # Base[T]
            ref = self.classes.resolve(base, sub.qualname_of, sub.path)
            if ref is None:
                continue
            if ref.node is cls.node or (ref.node.name, ref.node.lineno, self._path(ref)) \
                    == (cls.name, cls.lineno, self._path(cls)):
                return True
            if ref.node is not sub.node and self._descends(ref, cls, depth + 1):
                return True
        return False

    def _path(self, cls: ClassRef) -> str:
        return os.path.abspath(cls.path or self.own_path or "")
