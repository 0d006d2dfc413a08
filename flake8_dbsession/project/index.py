"""The project index: where the project's own modules are and what they are, without running them.

It finds the source roots (the project root and ``src/``), the first-party top-level packages and
modules (flat and ``src/`` layouts, namespace packages), resolves a dotted module name to a file,
and loads modules lazily: each file is read once, its stdlib ``ast`` tree and its astroid tree are
built from that one text when first asked for, and everything is cached per process. Nothing is
imported or executed: astroid builds its tree from the text, and "is it installed?" is answered by
astroid's module finder, which looks at files only.
"""
from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from functools import lru_cache

from flake8_dbsession.project import metadata

_SKIP_DIRS = {"__pycache__", "node_modules", "build", "dist", "site-packages", ".git", ".tox", ".venv",
              "venv", ".mypy_cache", ".pytest_cache", ".eggs"}


@dataclass(frozen=True)
class ModuleLocation:
    name: str  # dotted module name
    kind: str  # "module" (a .py file), "package" (a folder with __init__.py), "namespace" (a folder)
    path: str  # the .py file (module, package __init__.py) or the folder (namespace)

    @property
    def file(self) -> str | None:
        return None if self.kind == "namespace" else self.path

    @property
    def folder(self) -> str | None:
        """The folder holding submodules, for packages and namespace packages."""
        if self.kind == "package":
            return os.path.dirname(self.path)
        return self.path if self.kind == "namespace" else None


class ProjectIndex:
    """One per project root (or per folder, for files outside any project); see :func:`for_file`."""

    def __init__(self, root: str | None, extra_root: str | None = None) -> None:
        self.root = root
        roots = []
        if root is not None:
            src = os.path.join(root, "src")
            if os.path.isdir(src):
                roots.append(src)
            roots.append(root)
        if extra_root is not None and extra_root not in roots:
            roots.append(extra_root)
        self.source_roots = tuple(roots)
        self._sources: dict[str, str | None] = {}
        self._trees: dict[str, ast.Module | None] = {}
        self._astroid: dict[str, object] = {}
        self._locations: dict[str, ModuleLocation | None] = {}

    # ------------------------------------------------------------------ modules
    def locate(self, modname: str, extra_roots: tuple[str, ...] = ()) -> ModuleLocation | None:
        """The first-party module ``modname`` names, or None."""
        key = modname if not extra_roots else f"{modname}@{extra_roots}"
        if key in self._locations:
            return self._locations[key]
        found = None
        parts = modname.split(".")
        if all(p.isidentifier() for p in parts):
            for base in self.source_roots + extra_roots:
                found = _locate_in(base, parts, modname)
                if found is not None:
                    break
        self._locations[key] = found
        return found

    def is_first_party(self, top: str, extra_roots: tuple[str, ...] = ()) -> bool:
        return self.locate(top, extra_roots) is not None

    def module_name(self, path: str) -> str | None:
        """``app/core/db.py`` under a source root -> ``app.core.db`` (``__init__.py`` -> the package)."""
        path = os.path.abspath(path)
        for base in self.source_roots:
            rel = os.path.relpath(path, base)
            if rel.startswith(".."):
                continue
            parts = rel[:-3].split(os.sep) if rel.endswith(".py") else rel.split(os.sep)
            if parts and parts[-1] == "__init__":
                parts = parts[:-1]
            if parts and all(p.isidentifier() for p in parts):
                return ".".join(parts)
        return None

    def submodule_exists(self, location: ModuleLocation, name: str) -> bool:
        folder = location.folder
        if folder is None or not name.isidentifier():
            return False
        return os.path.isfile(os.path.join(folder, name + ".py")) or os.path.isdir(os.path.join(folder, name))

    # ------------------------------------------------------------------ one read per file
    def source(self, path: str) -> str | None:
        if path not in self._sources:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                import tokenize
                from io import BytesIO

                encoding, _ = tokenize.detect_encoding(BytesIO(data).readline)
                self._sources[path] = data.decode(encoding, errors="replace")
            except (OSError, SyntaxError, LookupError):
                self._sources[path] = None
        return self._sources[path]

    def tree(self, path: str) -> ast.Module | None:
        """The stdlib ``ast`` of a first-party file (None when it does not parse)."""
        if path not in self._trees:
            text = self.source(path)
            try:
                self._trees[path] = ast.parse(text, path) if text is not None else None
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                self._trees[path] = None
        return self._trees[path]

    def astroid_module(self, location: ModuleLocation):
        """astroid's tree of a first-party module, built from the cached text (never imported)."""
        path = location.file
        if path is None:
            return None
        if path not in self._astroid:
            text = self.source(path)
            module = None
            if text is not None:
                try:
                    import astroid
                    from astroid.builder import AstroidBuilder

                    module = AstroidBuilder(astroid.MANAGER).string_build(text, location.name, path)
                except Exception:  # noqa: BLE001 - astroid cannot build it: no answer, no crash
                    module = None
            self._astroid[path] = module
        return self._astroid[path]

    # ------------------------------------------------------------------ third party
    def is_declared(self, top: str) -> bool:
        return metadata.is_declared(self.root, top)


def _locate_in(base: str, parts: list[str], modname: str) -> ModuleLocation | None:
    folder = base
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        candidate = os.path.join(folder, part)
        if last:
            if os.path.isfile(candidate + ".py"):
                return ModuleLocation(modname, "module", candidate + ".py")
            if os.path.isfile(os.path.join(candidate, "__init__.py")):
                return ModuleLocation(modname, "package", os.path.join(candidate, "__init__.py"))
            if os.path.isdir(candidate) and part not in _SKIP_DIRS and _holds_python(candidate):
                return ModuleLocation(modname, "namespace", candidate)
            return None
        if not os.path.isdir(candidate) or part in _SKIP_DIRS:
            return None
        folder = candidate
    return None


@lru_cache(maxsize=4096)
def _holds_python(folder: str, depth: int = 2) -> bool:
    """A namespace package is a folder with Python in it (directly or one level down)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    for entry in entries:
        if entry.is_file() and entry.name.endswith(".py"):
            return True
    if depth > 1:
        return any(entry.is_dir() and entry.name not in _SKIP_DIRS and _holds_python(entry.path, depth - 1)
                   for entry in entries)
    return False


@lru_cache(maxsize=4096)
def is_installed(top: str) -> bool:
    """Is top-level module ``top`` part of the standard library or installed? Files only: astroid's
    finder locates it without importing or executing it."""
    try:
        from astroid import modutils

        if top in modutils.BUILTIN_MODULES or modutils.is_stdlib_module(top):
            return True
        modutils.file_info_from_modpath([top])
        return True
    except ImportError:
        return False
    except Exception:  # noqa: BLE001 - when in doubt, it exists (no finding)
        return True


_INDEXES: dict[tuple[str | None, str | None], ProjectIndex] = {}


def for_file(filename: str, configured_root: str | None = None) -> ProjectIndex:
    """The (cached) index of the project a file belongs to. A file outside any project gets an
    index of its own folder."""
    root = metadata.root_for_file(filename, configured_root)
    extra = None
    if root is None:
        extra = os.path.dirname(os.path.abspath(filename)) if filename not in ("", "-", "stdin") else os.getcwd()
    key = (root, extra)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = ProjectIndex(root, extra)
    return index
