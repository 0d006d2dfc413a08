"""Broken session imports: DBS001 unresolved-session-module, DBS002 missing-session-name."""
from __future__ import annotations

import ast
import difflib
import fnmatch
import os
from functools import cached_property

from flake8_dbsession.model.flavour import Flavour
from flake8_dbsession.model.guards import is_guarded_import
from flake8_dbsession.model.scopes import Deferred, Imported, LocalDef
from flake8_dbsession.project.index import ModuleLocation, is_installed, locate_relative, module_names_in
from flake8_dbsession.rules.base import Rule, register
from flake8_dbsession.settings import SESSION_MODULE_NAMES


class _ImportRule(Rule):
    """Shared: where relative imports point, whether an import matters, whether it may fail."""

    def _guarded(self) -> bool:
        return is_guarded_import(self.model.ancestors)

    def _session_related(self, name: str) -> bool:
        return self.settings.session_named(name)

    @cached_property
    def _file_dir(self) -> str | None:
        path = self.file.path  # absolute, but for stdin without a display name
        if not path or path in ("-", "stdin"):
            return None
        return os.path.dirname(path)

    def _extra_roots(self, top: str | None = None) -> tuple[str, ...]:
        """A script's folder, its package root and enclosing folders named ``top`` (see
        ProjectIndex.roots_for)."""
        return self.file.project.roots_for(self.file.path, top)

    def _relative_folder(self, level: int) -> str | None:
        folder = self._file_dir
        if folder is None:
            return None
        for _ in range(level - 1):
            folder = os.path.dirname(folder)
        return folder

    def _locate_from(self, node: ast.ImportFrom) -> ModuleLocation | None | bool:
        """The module of ``from X import ...``: a location, None (resolves nowhere) or True (not
        first-party, but it exists)."""
        project = self.file.project
        if node.level:
            folder = self._relative_folder(node.level)
            if folder is None:
                return True  # stdin without a display name: nothing to check against
            parts = node.module.split(".") if node.module else []
            return locate_relative(folder, parts)
        modname = node.module or ""
        top = modname.split(".")[0]
        if top == "__future__" or self._ignored(modname):
            return True
        roots = self._extra_roots(top)
        first_party = project.locate(top, roots)
        known = project.is_declared(top) or is_installed(top) or project.known_to_enclosing_projects(top)
        if first_party is not None and (first_party.kind != "namespace" or not known):
            return project.locate(modname, roots)
        # a folder without __init__.py named like the import (the checkout 'langflow/', docs in
        # 'vignettes/sqlalchemy/', a subpackage 'utils/mcp/') only shares the name with the
        # declared or installed package, which Python finds first
        if known:
            return True
        if not project.declares_dependencies():
            return True  # nothing says what the project depends on: no evidence it is broken
        return None

    def _ignored(self, modname: str) -> bool:
        for pattern in self.settings.ignore_modules:
            if fnmatch.fnmatchcase(modname, pattern) or modname.startswith(pattern + "."):
                return True
        return False


@register
class UnresolvedSessionModule(_ImportRule):
    code = "DBS001"
    name = "unresolved-session-module"
    summary = ("a session-related import from a module that resolves nowhere (not in the project, not "
               "installed, not declared): ModuleNotFoundError when the module is imported")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            parts = alias.name.split(".")
            bound = alias.asname or parts[0]
            if not (parts[-1] in SESSION_MODULE_NAMES or self._session_related(bound)
                    or self._session_related(parts[-1])):
                continue
            if self._guarded():
                return
            fake = ast.ImportFrom(module=alias.name, names=[], level=0)
            if self._locate_from(fake) is None:
                self._report(node, alias.name, f"import {alias.name}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        names = [a.name for a in node.names if a.name != "*"]
        last = (node.module or "").split(".")[-1]
        if not (last in SESSION_MODULE_NAMES or any(self._session_related(n) for n in names)):
            return
        if self._guarded():
            return
        if self._locate_from(node) is None:
            module = "." * node.level + (node.module or "")
            shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
            self._report(node, module, f"from {module} import {shown}")

    def _report(self, node: ast.AST, module: str, statement: str) -> None:
        where = "relative to this file" if module.startswith(".") else \
            "not a module of this project, not installed and not a declared dependency"
        hint = self._closest_module(module)
        self.report(node, f"module '{module}' resolves nowhere ({where}): '{statement}' raises "
                          f"ModuleNotFoundError when this module is imported; fix or remove the import"
                          f"{hint}")

    def _closest_module(self, module: str) -> str:
        """A sibling with a close name: 'app.databse' -> did you mean 'app.database'?"""
        if module.startswith("."):
            return ""
        parent, _, last = module.rpartition(".")
        project = self.file.project
        if parent:
            location = project.locate(parent, self._extra_roots(parent.split(".")[0]))
            folders = [location.folder] if location is not None and location.folder else []
        else:
            folders = list(project.source_roots)
        candidates = set().union(*(module_names_in(folder) for folder in folders))
        match = difflib.get_close_matches(last, sorted(candidates), n=1, cutoff=0.75)
        if not match:
            return ""
        return f"; did you mean '{parent + '.' if parent else ''}{match[0]}'?"


@register
class MissingSessionName(_ImportRule):
    code = "DBS002"
    name = "missing-session-name"
    summary = ("a session-related name imported from a first-party module that neither defines nor "
               "re-exports it: ImportError when the module is imported")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        names = [a.name for a in node.names if a.name != "*" and self._session_related(a.name)]
        if not names or self._guarded():
            return
        location = self._locate_from(node)
        if not isinstance(location, ModuleLocation):
            return
        module = "." * node.level + (node.module or "")
        for name in names:
            if self._missing(location, name):
                self._report(node, location, module, name, f"from {module} import {name}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        """``import app.db`` then ``app.db.AsyncSessionLocal``."""
        if not isinstance(node.ctx, ast.Load) or not self._session_related(node.attr):
            return
        value = node.value
        if not isinstance(value, (ast.Name, ast.Attribute)):
            return
        qualname = self.model.qualname(value)
        resolver = self.file.project_resolver
        if qualname is None or resolver is None:
            return
        absolute = resolver.absolute(qualname)
        if absolute is None:
            return
        roots = self._extra_roots(absolute.split(".")[0])
        if not self.file.project.is_first_party(absolute.split(".")[0], roots):
            return
        location = self.file.project.locate(absolute, roots)
        if location is None or not self.file.project.attribute_is_module(absolute, roots) or self._guarded():
            return
        if self._missing(location, node.attr):
            self._report(node, location, absolute, node.attr, f"{absolute}.{node.attr}",
                         error="AttributeError", when="when this line runs")

    def _missing(self, location: ModuleLocation, name: str, seen: frozenset[str] = frozenset()) -> bool:
        """True when the module neither defines ``name`` nor can provide it through a star import;
        ``seen`` breaks star-import cycles (a module already on the path provides nothing new)."""
        project = self.file.project
        if project.submodule_exists(location, name):
            return False
        if location.kind == "namespace" or location.path in seen:
            return True
        if len(seen) > 16:
            return False  # too deep to be sure: no finding
        if project.binds_at_top(location, name) or name in project.bound_names(location):
            return False  # the quick answers: the text, then the ast; astroid confirms what looks missing
        module = project.astroid_module(location)
        if module is None:
            return False
        if name in module.locals or "__getattr__" in module.locals:
            return False
        for star in _star_imports(module):
            target = self._star_target(location, star)
            if target is None:
                return False  # a star import we cannot follow may provide it
            if not self._missing(target, name, seen | {location.path}) and \
                    _exported(project.astroid_module(target), name):
                return False
        return True

    def _star_target(self, location: ModuleLocation, star) -> ModuleLocation | None:
        project = self.file.project
        if star.level:
            folder = os.path.dirname(location.path) if location.kind != "namespace" else location.path
            for _ in range(star.level - 1):
                folder = os.path.dirname(folder)
            return locate_relative(folder, star.modname.split(".") if star.modname else [])
        top = star.modname.split(".")[0]
        roots = project.roots_for(location.path, top)
        if not project.is_first_party(top, roots):
            return None
        return project.locate(star.modname, roots)

    def _report(self, node: ast.AST, location: ModuleLocation, module: str, name: str, statement: str,
                error: str = "ImportError", when: str = "when this module is imported") -> None:
        offered = self._offered(location)
        closest = difflib.get_close_matches(name, offered, n=1, cutoff=0.6)
        if not closest:
            everything = self._public_names(location)
            closest = difflib.get_close_matches(name, everything, n=1, cutoff=0.75)
        listing = f"; it defines {', '.join(offered[:6])}{', ...' if len(offered) > 6 else ''}" if offered \
            else "; it defines no session names"
        hint = f"; did you mean '{closest[0]}'?" if closest else ""
        self.report(node, f"'{module}' has no name '{name}': '{statement}' raises {error} {when}"
                          f"{listing}{hint}")

    def _public_names(self, location: ModuleLocation) -> list[str]:
        module = self.file.project.astroid_module(location)
        return sorted(n for n in (module.locals if module is not None else {}) if not n.startswith("__"))

    def _offered(self, location: ModuleLocation) -> list[str]:
        """Session-related names the module defines: by name, or by what the session model says."""
        resolver = self.file.project_resolver
        facts = resolver.facts(location) if resolver is not None else None
        out = []
        for name in self._public_names(location):
            binding = facts.scope.names.get(name) if facts is not None else None
            if isinstance(binding, Deferred):
                binding = facts.model.settle(binding)
            sessiony = isinstance(binding, Flavour)
            if isinstance(binding, LocalDef) and facts is not None:
                product = facts.model.products.of_function(binding.node)
                sessiony = product is not None and product.flavour is not None
            if isinstance(binding, Imported):
                # a re-export of a first-party name counts; SQLAlchemy's own classes do not
                inner = facts.model.resolver if facts is not None else None
                target = inner.absolute(binding.qualname) if hasattr(inner, "absolute") else None
                top = target.split(".")[0] if target is not None else ""
                first_party = target is not None and self.file.project.is_first_party(
                    top, self.file.project.roots_for(location.path, top))
                if not first_party:
                    continue
                sessiony = sessiony or self._session_related(name)
            if sessiony or self._session_related(name):
                out.append(name)
        return out


def _star_imports(module):
    """Module-level ``from x import *`` statements (also inside if/try at module level)."""
    import astroid

    skip = (astroid.nodes.FunctionDef, astroid.nodes.AsyncFunctionDef, astroid.nodes.ClassDef)
    for node in module.nodes_of_class(astroid.nodes.ImportFrom, skip_klass=skip):
        if node.names and node.names[0][0] == "*":
            yield node


def _exported(module, name: str) -> bool:
    if module is None:
        return True
    all_node = module.locals.get("__all__")
    if all_node:
        try:
            values = {elt.value for elt in all_node[0].parent.value.elts}
            return name in values
        except AttributeError:
            return True
    return not name.startswith("_")
