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
import re
import sys
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from flake8_dbsession.parsing import parse
from flake8_dbsession.project import metadata
from flake8_dbsession.relevance import import_statements

_RECENT_TREES = 4  # parsed module trees kept (see ProjectIndex.tree)
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
            roots += metadata.package_dirs(root)  # poetry 'from', setuptools 'package-dir'...
            src = os.path.join(root, "src")
            if os.path.isdir(src) and src not in roots:
                roots.append(src)
            roots.append(root)
        if extra_root is not None and extra_root not in roots:
            roots.append(extra_root)
        self.source_roots = tuple(roots)
        self._sources: dict[str, str | None] = {}
        self._unparsable: set[str] = set()
        self._recent_trees: OrderedDict[str, ast.Module] = OrderedDict()
        self._astroid: dict[str, object] = {}
        self._locations: dict[str, ModuleLocation | None] = {}
        self._bound: dict[str, frozenset[str]] = {}
        self._plain_bound: dict[str, frozenset[str]] = {}  # read from the text: see binds_at_top
        self._own_submodules: dict[tuple[str, str], bool] = {}
        self._roots: dict[tuple, tuple[str, ...]] = {}  # ([working folder,] file, top) -> roots

    # ------------------------------------------------------------------ modules
    def locate(self, modname: str, extra_roots: tuple[str, ...] = ()) -> ModuleLocation | None:
        """The first-party module ``modname`` names, or None."""
        key = (modname, extra_roots)
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
        """``app/core/db.py`` -> ``app.core.db`` (``__init__.py`` -> the package). Inside a package
        the name comes from the folders holding ``__init__.py`` (Python's own rule); otherwise from
        the source roots (namespace packages)."""
        path = os.path.abspath(path)
        folder, base = os.path.split(path)
        stem = base[:-3] if base.endswith(".py") else base
        parts = [] if stem == "__init__" else [stem]
        if _is_package(folder):
            while _is_package(folder):
                parts.insert(0, os.path.basename(folder))
                folder = os.path.dirname(folder)
            return ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None
        for root in self.source_roots:
            rel = os.path.relpath(path, root)
            if rel.startswith(".."):
                continue
            rel_parts = rel[:-3].split(os.sep) if rel.endswith(".py") else rel.split(os.sep)
            if rel_parts and rel_parts[-1] == "__init__":
                rel_parts = rel_parts[:-1]
            if rel_parts and all(p.isidentifier() for p in rel_parts):
                return ".".join(rel_parts)
        return None

    def roots_for(self, filename: str, top: str | None = None) -> tuple[str, ...]:
        """Where ``filename``'s absolute imports of ``top`` may be rooted (see :func:`_roots_for`);
        asked for every import and attribute, so answered once per file and name."""
        if not filename or filename in ("-", "stdin"):
            return ()
        # a relative filename reads against the working folder (a syscall: absolute paths skip it)
        key = (filename, top) if os.path.isabs(filename) else (os.getcwd(), filename, top)
        found = self._roots.get(key)
        if found is None:
            found = self._roots[key] = self._roots_uncached(filename, top)
        return found

    def _roots_uncached(self, filename: str, top: str | None) -> tuple[str, ...]:
        roots = _roots_for(os.path.dirname(os.path.abspath(filename)), top)
        if self.root is None or top is None or os.path.basename(self.root) != top \
                or not _package_below(self.root, top):
            return roots
        # a checkout named like the package it holds further down (chainlit/ holding
        # backend/chainlit/) is not that package: the folder above it is no source root. A project
        # folder that is itself the package's folder (examples/agent_framework_comparison/ imported
        # as 'agent_framework_comparison.db') keeps it.
        above = os.path.dirname(self.root)
        return tuple(r for r in roots if r != above)

    def bound_names(self, location: ModuleLocation) -> frozenset[str]:
        """Names a module binds at module level (anywhere: if/try blocks, ``global`` in functions),
        from the cached ``ast`` tree: the quick answer; astroid confirms what looks missing."""
        path = location.file
        if path is None:
            return frozenset()
        if path not in self._bound:
            tree = self.tree(path)
            self._bound[path] = _module_bound_names(tree) if tree is not None else frozenset()
        return self._bound[path]

    def binds_at_top(self, location: ModuleLocation, name: str) -> bool:
        """Whether the module's text plainly binds ``name`` at its top level, read without parsing:
        ``def name``, ``class name``, ``name = ...`` or an import that binds it, starting in column
        0. True is enough to know a name exists (DBS002 then has nothing to say and no tree is
        built); False means only "look closer"."""
        path = location.file
        if path is None:
            return False
        if path not in self._plain_bound:
            self._plain_bound[path] = _plain_top_names(self.source(path) or "")
        return name in self._plain_bound[path]

    def attribute_is_module(self, modname: str, extra_roots: tuple[str, ...] = ()) -> bool:
        """Whether ``a.b.c``, read as attributes (``from a.b import c`` then ``c.x``), is the module
        ``a/b/c.py``: a package whose ``__init__`` binds ``c`` to something else (``from a.b.c import
        c``, an instance) shadows the submodule, as Python's import system does."""
        parts = modname.split(".")
        for i in range(1, len(parts)):
            package = self.locate(".".join(parts[:i]), extra_roots)
            if package is None or package.kind != "package":
                continue
            if parts[i] in self.bound_names(package) and not self._binds_own_submodule(package, parts[i]):
                return False
        return True

    def _binds_own_submodule(self, package: ModuleLocation, name: str) -> bool:
        """``from . import c`` / ``from a.b import c`` in ``a/b/__init__.py``, and no other binding
        of ``c`` there: the name is the module. Once per package and name (the package's tree is
        not kept)."""
        key = (package.path, name)
        if key not in self._own_submodules:
            self._own_submodules[key] = self._binds_own_submodule_uncached(package, name)
        return self._own_submodules[key]

    def _binds_own_submodule_uncached(self, package: ModuleLocation, name: str) -> bool:
        tree = self.tree(package.path)
        if tree is None:
            return False
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if any((a.asname or a.name) == name for a in node.names) and not (
                        (node.level == 1 and not node.module) or (not node.level and node.module == package.name)):
                    return False
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
                return False
            elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
                return False
            elif isinstance(node, ast.Import) and any(a.asname == name for a in node.names):
                return False
        return True

    def submodule_exists(self, location: ModuleLocation, name: str) -> bool:
        folder = location.folder
        if folder is None or not name.isidentifier():
            return False
        return os.path.isfile(os.path.join(folder, name + ".py")) or os.path.isdir(os.path.join(folder, name))

    # ------------------------------------------------------------------ one read per file
    def source(self, path: str) -> str | None:
        if path not in self._sources and path in OPEN_BUFFERS:
            self._sources[path] = OPEN_BUFFERS[path]  # the editor's unsaved text wins over the disk
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
        """The stdlib ``ast`` of a first-party file (None when it does not parse); read-only.

        Parsed from the cached text; the last few trees are kept while one file is analysed (its
        questions usually go to the same modules: its names, then their flavours) and dropped
        after it (:meth:`release_trees`). The callers keep what they need (module facts, bound
        names). Holding every module's tree would make each of the garbage collector's full
        passes walk them all (measured: +2.3 s on prefect)."""
        if path in self._recent_trees:
            self._recent_trees.move_to_end(path)
            return self._recent_trees[path]
        if path in self._unparsable:
            return None
        text = self.source(path)
        if text is None:
            return None
        try:
            tree = parse(text, path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self._unparsable.add(path)
            return None
        self._recent_trees[path] = tree
        if len(self._recent_trees) > _RECENT_TREES:
            self._recent_trees.popitem(last=False)
        return tree

    def release_trees(self) -> None:
        self._recent_trees.clear()

    def astroid_module(self, location: ModuleLocation):
        """astroid's tree of a first-party module, built from the cached text (never imported)."""
        path = location.file
        if path is None:
            return None
        if path not in self._astroid:
            text = self.source(path)
            tree = self.tree(path)
            module = None
            if text is not None and tree is not None:
                module = _astroid_build(tree, text, location.name, path)
            self._astroid[path] = module
        return self._astroid[path]

    # ------------------------------------------------------------------ third party
    def is_declared(self, top: str) -> bool:
        return metadata.is_declared(self.root, top)

    def known_to_enclosing_projects(self, top: str) -> bool:
        """A module of, or a dependency declared by, a project that encloses this one (a monorepo's
        nested package importing the repository's own code or its dependencies), or another member
        of the uv workspace this project or an enclosing one roots."""
        if self.root is None:
            return False
        related = []
        for root in (self.root, *metadata.enclosing_roots(self.root)):
            if root != self.root:
                related.append(root)
            related += metadata.workspace_members(root)  # a uv workspace's other members
        for root in dict.fromkeys(related):
            if root == self.root:
                continue
            outer = for_root(root)
            if outer.is_first_party(top) or outer.is_declared(top):
                return True
        return False

    def declares_dependencies(self) -> bool:
        return metadata.declares_dependencies(self.root)


def _astroid_build(tree: ast.Module, text: str, modname: str, path: str):
    """astroid's tree of a module, rebuilt from the index's own ``ast`` tree.

    ``AstroidBuilder.string_build`` would parse the text again, introspect the builtins on first
    use (measured: 0.5 s per process) and end by inferring every ``self.x = ...`` and expanding
    star imports, which loads the project's third-party dependencies (measured: 3.4 s for two
    prefect modules). The names a module binds are known without any of that: astroid's tree
    rebuilder turns the cached tree into astroid nodes, and plain ``from m import a`` names are
    added the way astroid's builder adds them. Star imports are followed by the rules that need
    them, across first-party modules only.
    """
    try:
        import astroid
        from astroid.rebuilder import TreeRebuilder

        package = os.path.basename(path) == "__init__.py"
        rebuilder = TreeRebuilder(astroid.MANAGER, text)
        module = rebuilder.visit_module(tree, modname, path, package)
        for node, _ in getattr(rebuilder, "_import_from_nodes", ()):
            for name, asname in node.names:
                if name != "*":
                    node.parent.set_local(asname or name, node)
        return module
    except Exception:  # noqa: BLE001 - astroid cannot build it: no answer, no crash
        return None


@lru_cache(maxsize=1024)
def module_names_in(folder: str) -> frozenset[str]:
    """Names importable from a folder: its .py files and subfolders."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return frozenset()
    stems = (entry[:-3] if entry.endswith(".py") else entry for entry in entries)
    return frozenset(stem for stem in stems if stem.isidentifier() and stem != "__init__")


def locate_relative(folder: str, parts: list[str]) -> ModuleLocation | None:
    """``from ..db import X`` seen from ``folder`` (already moved up the right number of levels)."""
    name = ".".join(parts) or "."
    path = os.path.join(folder, *parts) if parts else folder
    if parts and os.path.isfile(path + ".py"):
        return ModuleLocation(name, "module", path + ".py")
    if os.path.isfile(os.path.join(path, "__init__.py")):
        return ModuleLocation(name, "package", os.path.join(path, "__init__.py"))
    if os.path.isdir(path):
        return ModuleLocation(name, "namespace", path)
    return None


def _locate_in(base: str, parts: list[str], modname: str) -> ModuleLocation | None:
    """Found in the folders' listings (one per folder and process, see :func:`_listing`), as
    Python's import system finds it: names compared exactly, as listed."""
    folder = base
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        files, dirs = _listing(folder)
        candidate = os.path.join(folder, part)
        if last:
            if part + ".py" in files:
                return ModuleLocation(modname, "module", candidate + ".py")
            if part in dirs and _is_package(candidate):
                return ModuleLocation(modname, "package", os.path.join(candidate, "__init__.py"))
            if part in dirs and part not in _SKIP_DIRS and _holds_python(candidate):
                return ModuleLocation(modname, "namespace", candidate)
            return None
        if part not in dirs or part in _SKIP_DIRS:
            return None
        folder = candidate
    return None


@lru_cache(maxsize=8192)
def _listing(folder: str) -> tuple[frozenset[str], frozenset[str]]:
    """(files, folders) in a folder, symbolic links followed: every import of a module asked
    whether ``a/b/c.py``, ``a/b/c/__init__.py`` or ``a/b/c/`` exists, a few system calls each, for
    every name imported (measured: 3-4% of the plugin's time on Airflow and superset)."""
    files, dirs = [], []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_file():
                        files.append(entry.name)
                    elif entry.is_dir():
                        dirs.append(entry.name)
                except OSError:
                    continue
    except OSError:
        pass
    return frozenset(files), frozenset(dirs)


@lru_cache(maxsize=8192)
def _is_package(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, "__init__.py"))


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
    if top in sys.builtin_module_names or top in getattr(sys, "stdlib_module_names", ()):
        return True
    try:
        from astroid import modutils

        if modutils.is_stdlib_module(top):
            return True
        modutils.file_info_from_modpath([top])
        return True
    except ImportError:
        return False
    except Exception:  # noqa: BLE001 - when in doubt, it exists (no finding)
        return True


# a def, class or assignment in column 0: a plain module-level binding
_TOP_DEFINITION = re.compile(r"(?m)^(?:(?:async[ \t]+)?def|class)[ \t]+(\w+)|^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)")


def _plain_top_names(text: str) -> frozenset[str]:
    """The names a module's text plainly binds in column 0 (see ProjectIndex.binds_at_top)."""
    names = {defined or assigned for defined, assigned in _TOP_DEFINITION.findall(text)}
    for statement in import_statements(text):
        if not statement[:1].isspace():  # a module-level import, not one inside a block
            names |= _import_bindings(statement)
    return frozenset(names)


def _import_bindings(statement: str) -> set[str]:
    """The names an import statement's text binds: 'from a import b, c as d' -> {b, d};
    'import a.b, c as d' -> {a, d}."""
    head, names = re.split(r"\bimport\b", re.sub(r"#[^\n]*", "", statement), maxsplit=1)
    names = names.replace("(", " ").replace(")", " ").replace("\\", " ")
    bound = set()
    for item in names.split(","):
        words = item.split()
        if not words:
            continue
        if len(words) == 3 and words[1] == "as":
            bound.add(words[2])
        elif len(words) == 1:
            bound.add(words[0] if head.strip() else words[0].split(".")[0])
    return bound


def _module_bound_names(tree: ast.Module) -> frozenset[str]:
    names: set[str] = set()
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            if not isinstance(node, ast.ClassDef):
                names.update(n for g in ast.walk(node) if isinstance(g, ast.Global) for n in g.names)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
            continue
        if isinstance(node, (ast.Name,)) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        if isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        if isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        stack.extend(ast.iter_child_nodes(node))
    return frozenset(names)


@lru_cache(maxsize=256)
def _package_below(root: str, top: str, depth: int = 3) -> bool:
    """Is there a regular package named ``top`` inside ``root`` (a few levels down)?"""
    level = [root]
    for _ in range(depth):
        following = []
        for folder in level:
            if os.path.isfile(os.path.join(folder, top, "__init__.py")):
                return True
            try:
                entries = os.scandir(folder)
            except OSError:
                continue
            with entries:
                following += [e.path for e in entries
                              if e.is_dir(follow_symlinks=False) and not e.name.startswith((".", "node_modules"))]
        level = following[:200]
    return False


@lru_cache(maxsize=8192)
def _roots_for(folder: str, top: str | None) -> tuple[str, ...]:
    """Where a file's absolute imports may be rooted besides the project's source roots: its own
    folder (a script), the folder above its outermost package (what Python and pylint put on
    sys.path), and, for ``top``, the parent of any enclosing folder named ``top`` (a package nested
    below the project root: a monorepo, a vendored copy)."""
    if not _is_package(folder):
        roots = [folder]  # a script: its folder is sys.path[0] (inside a package it is not)
    else:
        package_root = folder
        # climb the packages, and a namespace folder inside one (Airflow's airflow/providers/,
        # which has no __init__.py, is still part of the airflow package, not a sys.path entry)
        while _is_package(package_root) or _is_package(os.path.dirname(package_root)):
            parent = os.path.dirname(package_root)
            if parent == package_root:
                break
            package_root = parent
        roots = [package_root]
    if top:
        current = folder
        while os.path.dirname(current) != current:
            parent = os.path.dirname(current)
            # a folder named like the import, directly under a folder that is no package (nor a
            # namespace folder inside one)
            if os.path.basename(current) == top and not _is_package(parent) \
                    and not _is_package(os.path.dirname(parent)):
                roots.append(parent)
            current = parent
    return tuple(dict.fromkeys(roots))


_INDEXES: dict[tuple[str | None, str | None], ProjectIndex] = {}
# absolute path -> text of files open in an editor (the language server keeps it): what other
# modules learn about such a file comes from its buffer, not from the disk
OPEN_BUFFERS: dict[str, str] = {}


def forget(files_changed: bool = False) -> None:
    """Drop every index and the texts it read; ``files_changed``: the folder listings and the
    projects' metadata too (files may have been created or removed)."""
    _INDEXES.clear()
    if files_changed:
        for module in (sys.modules[__name__], metadata):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


def for_root(root: str | None, extra: str | None = None) -> ProjectIndex:
    """The (cached) index of the project at ``root``."""
    key = (root, extra)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = ProjectIndex(root, extra)
    return index


def for_file(filename: str, configured_root: str | None = None) -> ProjectIndex:
    """The (cached) index of the project a file belongs to. A file outside any project gets an
    index of its own folder."""
    root = metadata.root_for_file(filename, configured_root)
    extra = None
    if root is None:
        roots = _roots_for(os.path.dirname(os.path.abspath(filename)), None) \
            if filename and filename not in ("-", "stdin") else ()
        extra = roots[0] if roots else os.getcwd()  # the script's folder, or above its package
    return for_root(root, extra)
