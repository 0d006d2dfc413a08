"""Cross-module answers for the session model: what a name imported from another first-party
module is (a factory, an engine, a session-returning function...), found by running the same
session model over that module's top level. Each module is analysed once per process."""
from __future__ import annotations

import ast
import re
from collections import OrderedDict

from flake8_dbsession.model import lazy_bodies
from flake8_dbsession.model.flavour import Flavour
from flake8_dbsession.model.functions import Product, callable_class_flavour, init_attribute_annotation
from flake8_dbsession.model.scopes import Deferred, Imported, Instance, LocalClass, LocalDef, Scope, TypeAlias
from flake8_dbsession.model.session_model import Resolver, SessionModel
from flake8_dbsession.model.syntax import absolute_name, method_of
from flake8_dbsession.model.walk import walk
from flake8_dbsession.project.index import ModuleLocation, ProjectIndex
from flake8_dbsession.relevance import might_use_sessions
from flake8_dbsession.settings import Settings

_MAX_HOPS = 8  # re-exports followed through at most this many modules
# Module facts kept at once. Facts hold their module's top-level functions and classes (their
# bodies shed until read, see lazy_bodies); keeping every module's would still make each full
# pass of the garbage collector (flake8's too) scan them all for the rest of the run. The
# answers worth keeping are memoised separately, so an evicted module is only rebuilt (from its
# cached text) when a new question needs it. Two was too few: a test base class or a package
# ``__init__`` that every file asks about was rebuilt for nearly every file (superset: 424 builds
# of 76 modules, 106 with sixteen; the whole run 9% faster there, 10% on Airflow, measured in
# alternation). Following calls across modules (the summary layer) asks about more modules per
# file: with sixteen, Airflow's run built 122 facts of 66 modules, 81 with 32; a read class keeps
# only the methods read (lazy_bodies), so the larger cache cost its full collections nothing
# measurable (2.13 M objects scanned over the run against 2.48 M before). 48 against 32, the
# plugin's share of flake8's time in alternation (bench/compare_share.py): superset -1.5 points
# (4 rounds), open-webui -1.4, Dispatch -0.8, dify -0.4, Airflow -0.3, the others within 0.2;
# 64 was better than 32 but worse than 48 (more objects for the collector to scan).
MAX_FACTS = 48


class ModuleFacts:
    """The module scope of one first-party module, as the session model sees it."""

    def __init__(self, model: SessionModel, path: str) -> None:
        self.model = model
        self.path = path

    @property
    def scope(self) -> Scope:
        return self.model.module_scope


def _prune(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))


class ProjectResolver(Resolver):
    """Resolves imported names for one file (its module name makes relative imports absolute)."""

    costly = True

    # path -> facts, shared by every resolver (per process), least recently used first
    _facts: OrderedDict[str, ModuleFacts | None] = OrderedDict()
    _building: set[str] = set()
    _evicted: list[ModuleFacts] = []  # dropped from _facts, disposed once no question is in flight
    # trees of the facts built during the current file: their bodies are shed after it (the
    # index's other questions in this file may still walk the same trees whole)
    _unshed: list[tuple[ast.Module, str]] = []

    def __init__(self, index: ProjectIndex, settings: Settings, module_name: str | None,
                 is_package: bool = False, filename: str = "") -> None:
        self.index = index
        self.settings = settings
        self.module_name = module_name
        self.is_package = is_package
        self.filename = filename

    def _roots(self, top: str) -> tuple[str, ...]:
        return self.index.roots_for(self.filename, top)

    # ------------------------------------------------------------------ names
    def absolute(self, qualname: str) -> str | None:
        """'..db.SessionLocal' -> 'app.db.SessionLocal' for a file in app/api/."""
        return absolute_name(qualname, self.module_name, self.is_package)

    def split(self, qualname: str) -> tuple[ModuleLocation, str] | None:
        """'app.db.SessionLocal' -> (location of app.db, 'SessionLocal'); None for a module itself
        or a name outside the project."""
        absolute = self.absolute(qualname)
        if absolute is None or "." not in absolute:
            return None
        roots = self._roots(absolute.split(".")[0])
        if not self.index.is_first_party(absolute.split(".")[0], roots):
            return None
        if self.index.locate(absolute, roots) is not None:
            return None  # a module, not a name in one
        module, _, name = absolute.rpartition(".")
        location = self.index.locate(module, roots)
        if location is None or location.file is None:
            return None
        return location, name

    # ------------------------------------------------------------------ facts
    def facts(self, location: ModuleLocation) -> ModuleFacts | None:
        path = location.file
        if path is None:
            return None
        cache = ProjectResolver._facts
        if path in cache:
            cache.move_to_end(path)
            return cache[path]
        if path in ProjectResolver._building:
            return None  # an import cycle: no answer rather than a loop
        tree = self.index.tree(path)
        if tree is None:
            cache[path] = None
            return None
        ProjectResolver._building.add(path)
        try:
            resolver = ProjectResolver(self.index, self.settings, self.index.module_name(path) or location.name,
                                       location.kind == "package", path)
            model = SessionModel(self.settings, resolver)
            walk(tree, [model], prune=_prune)
            # keep the bindings, not the module's tree: retained trees make every full pass of the
            # garbage collector slower for the rest of the run
            model.module_scope.node = None
            model.ancestors.clear()
            facts = ModuleFacts(model, path)
            ProjectResolver._unshed.append((tree, self.index.source(path) or ""))
        except RecursionError:
            facts = None
        finally:
            ProjectResolver._building.discard(path)
        cache[path] = facts
        if len(cache) > MAX_FACTS:
            _, evicted = cache.popitem(last=False)
            if evicted is not None:
                ProjectResolver._evicted.append(evicted)
        return facts

    @classmethod
    def forget(cls) -> None:
        """Drop every module's facts and every answer derived from them (a file changed)."""
        cls._evicted.extend(facts for facts in cls._facts.values() if facts is not None)
        cls._facts.clear()
        cls._unshed.clear()
        cls._answers.clear()
        cls._relevance.clear()
        cls._globals_set.clear()
        cls.release_evicted()

    @classmethod
    def release_evicted(cls) -> None:
        """Dispose of evicted module facts (their models' cycles hold whole module trees), and
        shed the function bodies of the facts built meanwhile (see :mod:`lazy_bodies`). Called
        between files: an evicted model may still be in use while a question is being answered."""
        for facts in cls._evicted:
            facts.model.dispose()
        cls._evicted.clear()
        for tree, text in cls._unshed:
            lazy_bodies.shed(tree, text)
        cls._unshed.clear()
        lazy_bodies.shed_read_classes()

    def _binding(self, qualname: str, hops: int = 0, sessions_only: bool = False):
        """(binding, facts of the module that holds it), following re-exports. ``sessions_only``:
        the question is about sessions, so a module whose text fails the relevance gate has no
        answer (it is not even parsed)."""
        split = self.split(qualname)
        if split is None or hops > _MAX_HOPS:
            return None, None
        location, name = split
        text = self.index.source(location.file)
        if text is None or name not in text:
            return None, None  # cheap: a module that never spells the name cannot define it
        if sessions_only and not self._relevant(location.file, text):
            return None, None
        facts = self.facts(location)
        if facts is None:
            return None, None
        binding = facts.scope.names.get(name)
        if isinstance(binding, Deferred):
            settled = facts.model.settle(binding)
            if facts.scope.names.get(name) is binding:
                facts.scope.names[name] = settled
            binding = settled
        if binding is None and f"global {name}" in text:
            binding = self._set_by_global(location, facts, name)
        if isinstance(binding, Imported):
            inner = facts.model.resolver
            if isinstance(inner, ProjectResolver):
                target = inner.absolute(binding.qualname)
                if target is not None:
                    return inner._binding(target, hops + 1, sessions_only)
            return None, None
        return binding, facts

    def alias_flavour(self, qualname: str):
        """``SessionDep = Annotated[Session, Depends(get_db)]`` in another module: what a
        parameter annotated with it holds, worked out in that module (its imports, its
        dependencies). Only modules whose text spells ``Annotated`` are read."""
        def compute():
            text = self.module_text(qualname)
            name = qualname.rsplit(".", 1)[-1]
            if text is None or not re.search(rf"\b{re.escape(name)}\s*(?::[^=\n]*)?=\s*[\w.]*Annotated\[", text):
                return None  # no 'Name = Annotated[...]' there: not worth parsing the module
            binding, facts = self._binding(qualname)
            if not isinstance(binding, TypeAlias) or facts is None:
                return None
            model = facts.model
            saved = model.scope
            model.scope = model.module_scope
            try:
                return model.parameter_flavour(ast.arg(arg="_", annotation=binding.node), None)
            finally:
                model.scope = saved
        return self.remember("alias", qualname, compute)

    def origin(self, qualname: str) -> str | None:
        """Where a first-party name comes from when the project only re-exports it
        (``app.db.AsyncSession`` -> ``sqlalchemy.ext.asyncio.AsyncSession``); None when the
        project defines it, or it cannot be followed."""
        return self.remember("origin", qualname, lambda: self._origin(qualname, 0))

    def _origin(self, qualname: str, hops: int) -> str | None:
        split = self.split(qualname)
        if split is None:
            return qualname if hops else None  # left the project: that is where it comes from
        location, name = split
        text = self.index.source(location.file)
        if hops > _MAX_HOPS or text is None or name not in text:
            return None
        facts = self.facts(location)
        binding = facts.scope.names.get(name) if facts is not None else None
        inner = facts.model.resolver if facts is not None else None
        if isinstance(binding, Imported) and isinstance(inner, ProjectResolver):
            target = inner.absolute(binding.qualname)
            return inner._origin(target, hops + 1) if target is not None else None
        if isinstance(binding, TypeAlias) and isinstance(binding.node, ast.Name) and isinstance(inner, ProjectResolver):
            # AsyncSession = NewType("AsyncSession", AsyncReadSession) (polarsource/polar)
            return inner._origin(f"{location.name}.{binding.node.id}", hops + 1)
        return None

    _globals_set: dict[tuple[str, str, Settings], Flavour | None] = {}  # (path, name, settings) -> answer

    def _set_by_global(self, location: ModuleLocation, facts: ModuleFacts, name: str) -> Flavour | None:
        """``Session = None`` at module level, then ``global Session; Session = scoped_session(...)``
        in a configuration function (apache/airflow's settings.configure_orm): the flavour that
        function gives the name, when it gives one. Once per module and name."""
        key = (location.file, name, self.settings)
        if key not in ProjectResolver._globals_set:
            ProjectResolver._globals_set[key] = self._set_by_global_uncached(location, facts, name)
        return ProjectResolver._globals_set[key]

    def _set_by_global_uncached(self, location: ModuleLocation, facts: ModuleFacts, name: str) -> Flavour | None:
        tree = self.index.tree(location.file)
        for func in (tree.body if tree is not None else []):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or not any(
                    isinstance(n, ast.Global) and name in n.names for n in func.body):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name
                                                        for t in node.targets):
                    model = facts.model
                    saved, model.scope = model.scope, model.module_scope
                    try:
                        found = model.flavour(node.value)
                    finally:
                        model.scope = saved
                    if found is not None:
                        return found
        return None

    _relevance: dict[tuple[str, Settings], bool] = {}  # (path, settings) -> the gate's verdict

    def _relevant(self, path: str, text: str) -> bool:
        """The relevance gate on a module's text, once per module (its questions are many)."""
        key = (path, self.settings)
        if key not in ProjectResolver._relevance:
            ProjectResolver._relevance[key] = might_use_sessions(text, self.settings)
        return ProjectResolver._relevance[key]

    def module_text(self, qualname: str) -> str | None:
        """The source text of the first-party module defining ``qualname`` (read once, not parsed)."""
        split = self.split(qualname)
        return self.index.source(split[0].file) if split is not None else None

    def module_path(self, qualname: str) -> str | None:
        """The file of the first-party module defining ``qualname`` (located, not read)."""
        split = self.split(qualname)
        return split[0].file if split is not None else None

    def definition(self, qualname: str):
        """(binding, facts of its module) for a first-party name, following re-exports."""
        return self._binding(qualname)

    # (kind, index, roots, absolute qualname) -> answer, per process
    _answers: dict[tuple, object] = {}

    def remember(self, kind: str, qualname: str, compute):
        """``compute()``'s answer about a first-party name, kept for the rest of the process. The
        answer must hold no tree (plain data): module facts come and go, answers stay."""
        return self._memo(kind, qualname, compute)

    def _memo(self, kind: str, qualname: str, compute):
        absolute = self.absolute(qualname)
        if absolute is None:
            return None
        key = (kind, id(self.index), self._roots(absolute.split(".")[0]), absolute)
        if key not in ProjectResolver._answers:
            ProjectResolver._answers[key] = compute()
        return ProjectResolver._answers[key]

    def flavour_of_import(self, qualname: str) -> Flavour | None:
        def compute():
            binding, _ = self._binding(qualname, sessions_only=True)
            return binding if isinstance(binding, Flavour) else None
        return self._memo("flavour", qualname, compute)

    def call_flavour(self, qualname: str) -> Flavour | None:
        """For a first-party class whose ``__call__`` gives a session: the factory an instance
        of it is (see :func:`callable_class_flavour`). Only modules defining a ``__call__`` are
        read."""
        def compute():
            text = self.module_text(qualname)
            if text is None or "__call__" not in text:
                return None
            binding, facts = self._binding(qualname)
            return callable_class_flavour(binding.node, facts.model.products) \
                if isinstance(binding, LocalClass) and facts is not None else None
        return self._memo("call-flavour", qualname, compute)

    def inherited_attribute(self, qualname: str, attr: str) -> Flavour | None:
        """What ``self.<attr>`` is on an instance of a subclass of the first-party class
        ``qualname``, from that class's ``__init__`` (or its bases', to a bounded depth)."""
        def compute():
            text = self.module_text(qualname)
            if text is None or f"self.{attr}" not in text:
                return None
            binding, facts = self._binding(qualname)
            if not (isinstance(binding, LocalClass) and facts is not None):
                return None
            annotation = init_attribute_annotation(binding.node, attr)
            if annotation is not None:
                return facts.model.annotation(annotation)
            return None
        return self._memo(f"inherited-{attr}", qualname, compute)

    def field_flavour(self, qualname: str, chain: tuple[str, ...]) -> Flavour | None:
        """The flavour of ``obj.a.b`` for ``obj`` an instance of the first-party class
        ``qualname``: each name a field its class annotates (``db: DbSessionFactory``), the last
        one's annotation read in that class's module. Only modules that annotate the field are
        read."""
        def compute():
            text = self.module_text(qualname)
            if text is None or not re.search(rf"\b{re.escape(chain[0])}\s*:", text):
                return None
            binding, facts = self._binding(qualname)
            if not (isinstance(binding, LocalClass) and facts is not None):
                return None
            annotation = next((stmt.annotation for stmt in binding.node.body if isinstance(stmt, ast.AnnAssign)
                               and isinstance(stmt.target, ast.Name) and stmt.target.id == chain[0]), None)
            if annotation is None:
                return None
            if len(chain) == 1:
                return facts.model.annotation(annotation)
            inner = facts.model.qualname(annotation) if isinstance(annotation, (ast.Name, ast.Attribute)) else None
            return self.field_flavour(inner, chain[1:]) if inner and "." in inner else None
        return self._memo("field-" + ".".join(chain), qualname, compute)

    def product_of_import(self, qualname: str) -> Product | None:
        def compute():
            binding, facts = self._binding(qualname, sessions_only=True)
            if isinstance(binding, LocalDef) and facts is not None:
                return facts.model.products.of_function(binding.node)
            owner, _, name = qualname.rpartition(".")
            if binding is None and owner:
                # db_registry.session() where 'db_registry = DatabaseRegistry()' in that module
                binding, facts = self._binding(owner, sessions_only=True)
                method = method_of(binding.cls, name) if isinstance(binding, Instance) else None
                if method is not None and facts is not None:
                    return facts.model.products.of_function(method)
            return None
        return self._memo("product", qualname, compute)


def resolver_for(index: ProjectIndex, settings: Settings, filename: str) -> ProjectResolver:
    module_name = index.module_name(filename) if filename not in ("", "-", "stdin") else None
    return ProjectResolver(index, settings, module_name, filename.endswith("__init__.py"), filename)
