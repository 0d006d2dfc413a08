"""DBS011: the project's own sync/async architecture, declared with ``dbs-sync-paths`` and
``dbs-async-paths`` (seed 000: "ONLY app/api/routes/*.py should use AsyncSessionLocal").

Inert unless configured. In a file under a sync-only path, the first import or use of an async
session class, factory, registry or engine (SQLAlchemy's own, or a first-party one such as
``AsyncSessionLocal``) is reported; the reverse under an async-only path. One finding per file.
"""
from __future__ import annotations

import ast
import os
import re
from functools import lru_cache

from flake8_dbsession.findings import source_text
from flake8_dbsession.model import sqla_names
from flake8_dbsession.model.flavour import Flavour, Kind, Mode
from flake8_dbsession.rules.base import Rule, register

_POLICED = (Kind.SESSION, Kind.FACTORY, Kind.REGISTRY, Kind.ENGINE)
_DESCRIBE = {Kind.SESSION: "session class", Kind.FACTORY: "session factory", Kind.REGISTRY: "scoped session",
             Kind.ENGINE: "engine"}


@lru_cache(maxsize=256)
def glob_pattern(glob: str) -> re.Pattern:
    """``app/threads/*`` / ``app/**/routes/*.py`` -> a regex over '/'-separated paths relative to
    the project root. ``*`` stays inside one folder, ``**`` crosses folders, and a pattern that
    matches a folder covers everything below it (``app/threads`` = ``app/threads/**``)."""
    glob = glob.strip().removeprefix("./").rstrip("/")
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def matching(globs: tuple[str, ...], relative: str) -> str | None:
    return next((g for g in globs if glob_pattern(g).match(relative)), None)


@register
class SessionFlavourPolicy(Rule):
    code = "DBS011"
    name = "session-flavour-policy"
    summary = ("with dbs-sync-paths / dbs-async-paths configured: an async session, factory or engine used "
               "in a sync-only path, or a sync one in an async-only path")

    def __init__(self, file) -> None:
        super().__init__(file)
        self._want: Mode | None = None
        self._glob = ""
        self._conflict: tuple[str, str] | None = None
        self._done = False
        settings = self.settings
        if not (settings.sync_paths or settings.async_paths):
            self._done = True  # inert by default
            return
        relative = self._relative_path()
        if relative is None:
            self._done = True
            return
        sync_glob = matching(settings.sync_paths, relative)
        async_glob = matching(settings.async_paths, relative)
        if sync_glob and async_glob:
            self._conflict = (sync_glob, async_glob)
        elif sync_glob or async_glob:
            self._want = Mode.SYNC if sync_glob else Mode.ASYNC
            self._glob = sync_glob or async_glob or ""
        else:
            self._done = True
        self._relative = relative

    def idle(self) -> bool:
        return self._done  # no policy, or none that covers this file

    def _relative_path(self) -> str | None:
        root = self.settings.project_root or self.file.project.root
        filename = self.file.filename
        if not root or not filename or filename in ("-", "stdin"):
            return None
        relative = os.path.relpath(os.path.abspath(filename), root).replace(os.sep, "/")
        return None if relative.startswith("../") else relative

    def visit_Module(self, node: ast.Module) -> None:
        if self._conflict is not None and not self._done:
            self._done = True
            sync_glob, async_glob = self._conflict
            self.report(node, f"'{self._relative}' matches both dbs-sync-paths ('{sync_glob}') and "
                              f"dbs-async-paths ('{async_glob}'): a file can be held to one session flavour "
                              f"only; fix the configuration so that it matches one of them")

    # ------------------------------------------------------------------ imports and uses
    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if self._done or self._want is None:
            return
        module = "." * node.level + (node.module or "")
        for alias in node.names:
            if alias.name == "*":
                continue
            qualname = f"{module}.{alias.name}" if module and not module.endswith(".") else module + alias.name
            flavour = self._flavour_of(qualname)
            if self._wrong(flavour):
                self._report(node, alias.name, flavour)
                return

    def visit_Attribute(self, node: ast.Attribute) -> None:
        """``database.AsyncSessionLocal`` through an imported module."""
        if self._done or self._want is None or not isinstance(node.ctx, ast.Load):
            return
        qualname = self.model.qualname(node)
        if qualname is None or "." not in qualname:
            return
        flavour = self._flavour_of(qualname)
        if self._wrong(flavour):
            self._report(node, source_text(node), flavour)

    def _flavour_of(self, qualname: str) -> Flavour | None:
        """What the imported name itself is: SQLAlchemy's classes and engine builders, or a
        first-party factory, registry, engine or session found by the resolver."""
        if qualname.split(".")[0] in ("sqlalchemy", "sqlmodel"):
            return sqla_names.class_flavour(qualname) or sqla_names.engine_builder(qualname)
        return self.model.resolve_flavour(qualname)

    def _wrong(self, flavour: Flavour | None) -> bool:
        return flavour is not None and flavour.kind in _POLICED and flavour.mode is not self._want

    def _report(self, node: ast.AST, name: str, flavour: Flavour) -> None:
        self._done = True
        option = "dbs-sync-paths" if self._want is Mode.SYNC else "dbs-async-paths"
        want = "sync" if self._want is Mode.SYNC else "async"
        have = "an async" if flavour.mode is Mode.ASYNC else "a sync"
        self.report(node, f"'{name}' is {have} {_DESCRIBE[flavour.kind]}, used in '{self._relative}', which "
                          f"{option} ('{self._glob}') keeps {want}-only: mixing flavours here is how event "
                          f"loops end up started in threads and sync queries end up blocking the loop; use "
                          f"the project's {want} session factory here, or change the configuration")
