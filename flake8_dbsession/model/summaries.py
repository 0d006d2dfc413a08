"""Function summaries: what a first-party function does when it is called, read once from its body.

Rules ask about one function; real bugs cross calls. A rule asks this layer, never another
function's body itself:

- ``slow(callee)``: the slow external call the function reaches (its own, or a callee's, followed
  through the project to a bounded depth), with the chain of calls that leads there;
- ``global_io(callee)``: the module-level sessions (``db.session`` of Flask-SQLAlchemy, a
  ``scoped_session`` registry) whose connection is still checked out when the function returns:
  it queried through them and did not commit, roll back or close them afterwards;
- ``targets(call, callee)``: the bodies a call made inside ``callee`` may run. Receivers are typed
  from evidence (:mod:`receiver_types`); a call on a receiver typed by an annotation, a ``cast`` or
  ``self`` runs the method found along its class's bases *or* any first-party override
  (:mod:`hierarchy`, decision 9); a constructor's class is that class only. An abstract method is
  no body. A function reference handed to a callee that calls its parameter counts as called.

Unknown callees have no effects. Recursion ends at a depth bound and a guard. Answers about other
modules' functions are plain data, cached per process and keyed by position; answers about the
linted file's functions are kept for that file only.
"""
from __future__ import annotations

import ast
from typing import Callable

from flake8_dbsession.findings import Related, source_text
from flake8_dbsession.model import app_state, import_reach, object_reads, returned_objects, session_effects
from flake8_dbsession.model.callees import (  # noqa: F401 - Callee and SlowPath are this layer's answers
    Callee, SlowPath, is_abstract, iterated_calls, local_functions, receiving_parameter, returned_functions,
    self_name, step)
from flake8_dbsession.model.classes import (
    ClassMethods, ClassRef, constructed_class, function_imports, local_classes, types_locals)
from flake8_dbsession.model.hierarchy import class_table
from flake8_dbsession.model.receiver_types import (
    TypeRef, annotation_classes, attribute_classes, narrowed_attributes, returned_types)
from flake8_dbsession.model.scopes import Instance, LocalDef
from flake8_dbsession.model.object_reads import ObjectReads
from flake8_dbsession.model.returned_objects import ReturnedObjects
from flake8_dbsession.model.session_effects import SessionEffects, module_flavour  # noqa: F401
from flake8_dbsession.model.slow_libraries import client_used, clients_built, library_call
from flake8_dbsession.model.syntax import all_args, assigned_names, last_name, method_of
from flake8_dbsession.model.walk import own_nodes, own_statements

MAX_DEPTH = 8

# (module path, line, column, class, iterated) -> SlowPath | None, for functions of other modules
_slow_cache: dict[tuple, SlowPath | None] = {}
_dispatch_cache: dict[tuple, tuple | None] = {}  # (class, method, exact, iterated) -> slow body
_calls_parameter_cache: dict[tuple, bool] = {}  # (class, method) -> it calls one of its parameters
_state_cache: dict[tuple, tuple[SlowPath, bool] | None] = {}  # (root, NAME) -> what calling app.state.NAME reaches


def forget() -> None:
    _slow_cache.clear()
    _dispatch_cache.clear()
    _calls_parameter_cache.clear()
    _state_cache.clear()
    session_effects.forget()
    object_reads.forget()
    returned_objects.forget()
    import_reach.forget()


class Summaries(SessionEffects, ObjectReads, ReturnedObjects):
    """The summary layer for one linted file: ``classes`` resolves class expressions, ``hierarchy``
    finds subclasses, ``definition`` maps a first-party qualified name to (binding, facts),
    ``worth_reading`` says whether another module may make slow calls at all (its text)."""

    def __init__(self, classes: ClassMethods, hierarchy, definition: Callable[[str], tuple],
                 worth_reading: Callable[[str], bool], patterns: tuple[str, ...], index=None) -> None:
        self.index = index
        self.module_path: Callable[[str], str | None] = lambda qualname: None  # set with a resolver
        self.classes = classes
        self.hierarchy = hierarchy
        self.definition = definition
        self.worth_reading = worth_reading
        self.patterns = patterns
        self._local_slow: dict[tuple, SlowPath | None] = {}
        self._local_global: dict[tuple, tuple[str, ...]] = {}
        self._local_coroutine: dict[tuple, tuple[Related, ...] | None] = {}
        self._local_params: dict[tuple, tuple[Related, ...] | None] = {}
        self._local_dispatch: dict[tuple, tuple | None] = {}
        self._local_reads: dict[tuple, dict] = {}  # object_reads' answers about this file
        self._local_returned: dict[tuple, object] = {}  # returned_objects' answers about this file
        self._facts: dict[tuple[str, int], tuple[ast.AST, object]] = {}  # see _read_once

    # ------------------------------------------------------------------ text gates
    def may_reach_slow(self, path: str) -> bool:
        """See :mod:`import_reach` (any module may, when dbs-io-calls patterns are configured)."""
        return bool(self.patterns) or self.index is None or import_reach.may_reach_slow(self.index, path)

    def defines(self, name: str | None, coroutine: bool = False) -> bool:
        """Does the project define a function or method of this name (``async def`` with
        ``coroutine``)? A text question, answered from the class table's scan: a call of any
        other name (``logger.info``, ``rows.append``) cannot run a first-party body."""
        if not name or self.index is None or self.index.root is None:
            return True
        table = self.__dict__.get("_table")
        if table is None:
            table = self._table = class_table(self.index.root)
        return name in (table.coroutines if coroutine else table.functions)

    # ------------------------------------------------------------------ what a body calls
    def _read_once(self, what: str, node: ast.AST, read):
        """``read(node)``, once per node and question for this file: a body asked about by every
        call in it is walked once. The node is kept with its answer (an evicted module's trees are
        rebuilt, and a new node may get a dropped one's id)."""
        if not self._already_read(what, node):
            self._facts[(what, id(node))] = (node, read(node))
        return self._facts[(what, id(node))][1]

    def _already_read(self, what: str, node: ast.AST) -> bool:
        hit = self._facts.get((what, id(node)))
        return hit is not None and hit[0] is node

    def nodes(self, func: ast.AST) -> list[ast.AST]:
        """:func:`own_nodes` of a body, walked once for every question of this file."""
        return self._read_once("nodes", func, own_nodes)

    def shape(self, func: ast.AST) -> "Shape":
        """:class:`Shape` of a body: its calls in source order and what the slow-call question
        reads besides, from one pass over its nodes, once for this file."""
        return self._read_once("shape", func, lambda f: Shape(self.nodes(f)))

    def calls(self, func: ast.AST) -> list[ast.Call]:
        """The calls a body makes itself, in source order (read-only: do not mutate)."""
        return self.shape(func).calls

    def bound(self, func: ast.AST) -> set[str]:
        """:func:`assigned_names` of a body, once for this file (read-only: do not mutate)."""
        return self._read_once("bound", func, lambda f: assigned_names(f, self.nodes(f)))

    def body_facts(self, func: ast.AST) -> tuple[dict[str, ast.expr], dict[str, str]]:
        """(locals bound to a stated class, imports made inside) of a function."""
        return self._read_once("locals", func, self._local_classes), self.imports(func)

    def _local_classes(self, func: ast.AST) -> dict[str, ast.expr]:
        if not self._already_read("nodes", func) and not types_locals(own_statements(func)):
            return {}  # no statement binds a stated class: the body's expressions need no walk
        return local_classes(func, self.nodes(func))

    def imports(self, func: ast.AST) -> dict[str, str]:
        """The imports made inside a function (its statements only: no expression is walked)."""
        return self._read_once("imports", func, function_imports)

    def _called_names(self, func: ast.AST) -> frozenset[str]:
        """Names a body calls as plain functions (``function(*args)``: a parameter it calls)."""
        return self._read_once("called", func, lambda f: frozenset(
            n.func.id for n in self.nodes(f) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)))

    def imported_function(self, qualname: str, any_module: bool = False) -> Callee | None:
        """A first-party function by qualified name (``Files.get_file_by_id`` where ``Files =
        FilesTable()`` in that module: the instance's method)."""
        if not any_module and not self.worth_reading(qualname):
            return None
        binding, facts = self.definition(qualname)
        if isinstance(binding, LocalDef) and facts is not None:
            return Callee(binding.node, facts.model.qualname, facts.path)
        owner, _, name = qualname.rpartition(".")
        if binding is None and owner:
            binding, facts = self.definition(owner)
            if isinstance(binding, Instance) and facts is not None:
                node = method_of(binding.cls, name)
                cls = ClassRef(binding.cls, facts.model.qualname, facts.path)
                return Callee(node, facts.model.qualname, facts.path, cls) if node is not None else None
        return None

    def methods(self, cls: ClassRef, name: str, exact: bool, overrides: bool = True) -> list[Callee]:
        """The bodies ``obj.name(...)`` may run on an object of class ``cls``: the method found
        along its bases (unless abstract) and, when the class is not exact, every first-party
        override in its subclasses (decision 9)."""
        out = []
        found = self.classes.method(cls, name)
        if found is not None and not is_abstract(found[0]):
            out.append(Callee(found[0], found[1].qualname_of, found[1].path, cls, exact))
        if not exact and overrides and self.hierarchy is not None:
            for sub in self.hierarchy.overrides(cls, name, self.may_reach_slow):
                node = method_of(sub.node, name)
                if node is not None and not is_abstract(node):
                    out.append(Callee(node, sub.qualname_of, sub.path, sub, True, True))
        return out

    def types_of(self, refs: list, cls: ClassRef, qualname_of, path, imports=None) -> list[tuple[ClassRef, bool]]:
        out = []
        for ref in refs:
            if isinstance(ref, str):  # self.method(): what that method returns
                found = self.classes.method(cls, ref)
                if found is not None:
                    node, owner = found
                    out += self.types_of(returned_types(node), owner, owner.qualname_of, owner.path)
                continue
            resolved = self.classes.resolve(ref.expr, qualname_of, path, imports)
            if resolved is not None:
                out.append((resolved, ref.exact))
        return out

    def attribute_types(self, cls: ClassRef, attr: str, depth: int = 0) -> list[tuple[ClassRef, bool]]:
        """What ``self.attr`` holds in objects of ``cls``: assigned in its ``__init__`` or
        declared in its body, else in a first-party base's."""
        refs = self._read_once("attributes", cls.node, attribute_classes).get(attr)
        if refs:
            return self.types_of(refs, cls, cls.qualname_of, cls.path)
        if depth >= 3:
            return []
        for base in cls.node.bases:
            base = base.value if isinstance(base, ast.Subscript) else base
            ref = self.classes.resolve(base, cls.qualname_of, cls.path)
            if ref is not None and ref.node is not cls.node:
                found = self.attribute_types(ref, attr, depth + 1)
                if found:
                    return found
        return []

    def receiver_types(self, value: ast.expr, callee: Callee) -> list[tuple[ClassRef, bool]]:
        """The classes a receiver inside ``callee``'s body may be."""
        me = self_name(callee.node)
        if isinstance(value, ast.Name):
            if me is not None and value.id == me and callee.owner is not None:
                return [(callee.owner, callee.exact)]
            annotation = next((a.annotation for a in all_args(callee.node.args) if a.arg == value.id), None)
            if annotation is not None:  # a parameter: its annotation (the body need not be read)
                refs = [TypeRef(c, False) for c in annotation_classes(annotation)]
                imports = self.imports(callee.node) if callee.path is not None else None
                return self.types_of(refs, callee.owner, callee.qualname_of, callee.path, imports) if refs else []
            typed, imports = self.body_facts(callee.node)
            if value.id in typed:
                cls = self.classes.resolve(typed[value.id], callee.qualname_of, callee.path, imports)
                return [(cls, True)] if cls is not None else []
            return []
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and me is not None \
                and value.value.id == me and callee.owner is not None:
            narrowed = self._read_once("narrowed", callee.node,
                                       lambda f: narrowed_attributes(f, self.nodes(f))).get(value.attr)
            if narrowed:
                return self.types_of(narrowed, callee.owner, callee.qualname_of, callee.path,
                                     self.imports(callee.node))
            return self.attribute_types(callee.owner, value.attr)
        ctor = constructed_class(value)
        if ctor is not None:
            cls = self.classes.resolve(ctor, callee.qualname_of, callee.path, self.imports(callee.node))
            return [(cls, True)] if cls is not None else []
        return []

    def targets(self, func: ast.expr, callee: Callee, any_module: bool = False,
                overrides: bool = True) -> list[Callee]:
        """The first-party bodies a call (or a reference) ``func`` inside ``callee`` may run
        (``overrides``: with the overrides in subclasses that may reach a slow call)."""
        if isinstance(func, ast.Name) and callee.enclosing is not None and func.id not in self.bound(callee.node):
            closure = self._closure(func.id, callee.enclosing)  # a lambda has no 'def' to find by name
            if closure is not None:
                return closure
        if not self.defines(last_name(func)):
            return []
        if isinstance(func, ast.Name):
            qualname = callee.qualname_of(func)
            if qualname and "." in qualname:
                found = self.imported_function(qualname, any_module)
                return [found] if found is not None else []
            model = getattr(callee.qualname_of, "__self__", None)  # a function of the same module
            binding = model.module_scope.names.get(func.id) if model is not None and not qualname else None
            if isinstance(binding, LocalDef) and func.id not in self.bound(callee.node):
                return [Callee(binding.node, callee.qualname_of, callee.path)]
            return []
        if not isinstance(func, ast.Attribute):
            return []
        out = []
        for cls, exact in self.receiver_types(func.value, callee):
            out += self.methods(cls, func.attr, exact, overrides)
        if out or isinstance(func.value, ast.Name) and func.value.id == self_name(callee.node):
            return out
        qualname = callee.qualname_of(func)
        found = self.imported_function(qualname, any_module) if qualname else None
        return [found] if found is not None else []

    def _closure(self, name: str, outer: Callee, depth: int = 0) -> list[Callee] | None:
        """What ``name`` calls inside a nested function: the functions the enclosing function
        binds to it (``embedding_function = lambda ...``), or None when it binds nothing of
        that name (then the module's name applies)."""
        if name not in self.bound(outer.node):
            if outer.enclosing is not None and depth < 4:
                return self._closure(name, outer.enclosing, depth + 1)
            return None
        return [Callee(node, outer.qualname_of, outer.path, enclosing=outer)
                for node in local_functions(self.nodes(outer.node), name)]

    def returned_callables(self, callee: Callee) -> list[Callee]:
        """The nested functions and lambdas ``callee`` returns: what calling its result runs."""
        return [Callee(node, callee.qualname_of, callee.path, enclosing=callee)
                for node in returned_functions(self.nodes(callee.node))]

    # ------------------------------------------------------------------ an application's state
    def state_slow(self, call: ast.Call, function: ast.AST | None, qualname_of) -> tuple[SlowPath, bool] | None:
        """For ``request.app.state.NAME(...)`` made in ``function`` (whose ``request`` parameter is
        annotated as Starlette's request): the slow call the stored value reaches, the
        assignment first in the chain (see :mod:`app_state`), and whether the stored function is
        a coroutine function. None for any other call."""
        state = app_state.state_attribute(call.func)
        if state is None or function is None or self.index is None or self.index.root is None \
                or not app_state.request_parameter(function, state[0], qualname_of):
            return None
        key = (self.index.root, state[1])
        if key not in _state_cache:
            _state_cache[key] = None  # recursion guard
            _state_cache[key] = self._stored_slow(state[1])
        return _state_cache[key]

    def _stored_slow(self, name: str) -> tuple[SlowPath, bool] | None:
        for path in class_table(self.index.root).state_assigned.get(name, ()):
            tree = self.index.tree(path)
            found = app_state.stored_in(tree, path, name, self.index.module_name(path)) if tree is not None else ()
            for stored in found:
                for target in self._stored_callables(stored):
                    inner = self.slow(target, 2)
                    if inner is not None:
                        what = f"what {stored.function}() returns" if stored.called else f"{stored.function}()"
                        note = f"{target.name}() is stored as app.state.{name} ({what})"
                        where = Related(stored.path, stored.line, stored.col, note)
                        return (SlowPath(inner.reason, (where,) + inner.steps),
                                isinstance(target.node, ast.AsyncFunctionDef))
        return None

    def _stored_callables(self, stored: app_state.Stored) -> list[Callee]:
        """The first-party bodies calling a stored value runs."""
        if stored.qualname is not None:  # imported: the assigning module's facts are not needed
            function = self.imported_function(stored.qualname, any_module=True)
        else:  # a function of the assigning module
            module = self.index.module_name(stored.path)
            facts = self.definition(f"{module}.{stored.anchor}")[1] if module else None
            binding = facts.scope.names.get(stored.function) if facts is not None else None
            function = Callee(binding.node, facts.model.qualname, facts.path) \
                if isinstance(binding, LocalDef) else None
        if function is None:
            return []
        return self.returned_callables(function) if stored.called else [function]

    def _references(self, node: ast.Call, target: Callee, callee: Callee) -> list[Callee]:
        """Functions handed to ``target`` by reference (``function=self.model.invoke``) that its
        body calls (``function(*args)``)."""
        out = []
        for where, arg in [(i, a) for i, a in enumerate(node.args)] + [(k.arg, k.value) for k in node.keywords]:
            if where is None or not isinstance(arg, (ast.Attribute, ast.Name)):
                continue
            param = receiving_parameter(target, node, where)
            if param is None or param not in self._called_names(target.node):
                continue
            out += self.targets(arg, callee)
        return out

    # ------------------------------------------------------------------ slow calls
    def slow(self, callee: Callee, depth: int = 1, iterated: bool = False) -> SlowPath | None:
        """The slow call ``callee`` reaches, with the chain, or None. ``iterated``: the caller
        iterates what the call returns, so a generator's body runs."""
        func = callee.node
        owner = (callee.owner.name, callee.owner.lineno, callee.exact) if callee.owner else None
        cache = _slow_cache if callee.path is not None else self._local_slow
        key = (callee.path, func.lineno, func.col_offset, owner, iterated)
        if key in cache:
            return cache[key]
        shape = self.shape(func)  # one read of the body for all the questions below
        if not iterated and shape.generator:
            cache[key] = None  # a generator: calling it runs none of its body
            return None
        cache[key] = None  # recursion guard
        cache[key] = found = self._slow_in(callee, shape, depth)
        return found

    def _slow_in(self, callee: Callee, shape: "Shape", depth: int) -> SlowPath | None:
        qualname_of = callee.qualname_of
        clients = clients_built(shape.binders, qualname_of)
        loops = iterated_calls(shape.binders)
        for node in shape.calls:  # the first slow call in the source is the one a reader meets first
            qualname = qualname_of(node.func)
            direct = library_call(qualname, self.patterns)
            if direct:
                return SlowPath(direct, (step(callee, node, f"{callee.name}() calls {direct}()"),))
            used = client_used(node, clients, qualname_of)
            if used is not None:
                call = f"{source_text(node.func, 50)}() on a client built by {used}()"
                return SlowPath(call, (step(callee, node, f"{callee.name}() calls {call}"),))
            if depth >= MAX_DEPTH:
                continue
            stored = self.state_slow(node, callee.node, qualname_of)
            if stored is not None:  # request.app.state.EMBEDDING_FUNCTION(...)
                note = f"{callee.name}() calls {source_text(node.func, 50)}()"
                return SlowPath(stored[0].reason, (step(callee, node, note),) + stored[0].steps)
            func = node.func
            types = self.receiver_types(func.value, callee) \
                if isinstance(func, ast.Attribute) and self.defines(func.attr) else []
            for cls, exact in types:  # a method: the bodies it may run, answered once per class
                hit = self.dispatch_slow(cls, func.attr, exact, depth, id(node) in loops)
                if hit is not None:
                    name, override, inner, _ = hit
                    note = f"{callee.name}() calls {source_text(func, 50)}()"
                    if override:
                        note += f", which may run the override {name}()"
                    return SlowPath(inner.reason, (step(callee, node, note),) + inner.steps)
            for target in self._targets_by_reference(node, types, callee):
                note = f"{callee.name}() calls {source_text(node.func, 50)}()"
                inner = self.slow(target, depth + 1, id(node) in loops) if not types else None
                if inner is None:
                    for reference in self._references(node, target, callee):
                        inner = self.slow(reference, depth + 1)
                        if inner is not None:
                            note += f" and hands it {reference.name}(), which it calls"
                            break
                if inner is not None:
                    return SlowPath(inner.reason, (step(callee, node, note),) + inner.steps)
        return None

    def _targets_by_reference(self, node: ast.Call, types: list, callee: Callee) -> list[Callee]:
        """The bodies to read for a call not answered by :meth:`dispatch_slow`: a function, or
        (typed method calls) the method found along the class's bases, for the function
        references it is handed."""
        if not types:
            return self.targets(node.func, callee)
        handed = list(node.args) + [k.value for k in node.keywords]
        if not any(isinstance(a, (ast.Name, ast.Attribute)) for a in handed):
            return []
        return [t for cls, _ in types if self._calls_a_parameter(cls, node.func.attr)
                for t in self.methods(cls, node.func.attr, True)]

    def _calls_a_parameter(self, cls: ClassRef, name: str) -> bool:
        """Does the method ``name`` of ``cls`` call one of its parameters (``function(*args)``)?
        Only then can a function handed to it run; kept per process for other modules' classes
        (their modules are not read again to ask)."""
        cache = _calls_parameter_cache if cls.path is not None else self._local_dispatch
        key = (cls.path, cls.name, cls.lineno, name, "calls a parameter")
        found = cache.get(key)
        if found is None:
            found = cache[key] = any(
                {a.arg for a in all_args(t.node.args)} & self._called_names(t.node)
                for t in self.methods(cls, name, True))
        return found

    def dispatch_slow(self, cls: ClassRef, name: str, exact: bool, depth: int, iterated: bool):
        """(body name, is an override, SlowPath, is async) for the first body ``obj.name()`` may run on
        an object of ``cls`` that reaches a slow call (see :meth:`methods`), or None. Kept per
        class and method: the overrides' modules are not parsed again for the next caller."""
        cache = _dispatch_cache if cls.path is not None else self._local_dispatch
        key = (cls.path, cls.name, cls.lineno, name, exact, iterated)
        if key in cache:
            return cache[key]
        cache[key] = None  # recursion guard
        found = None
        for target in self.methods(cls, name, exact, overrides=False):
            inner = self.slow(target, depth + 1, iterated)
            if inner is not None:
                found = (target.name, False, inner, isinstance(target.node, ast.AsyncFunctionDef))
                break
        if found is None and not exact and self.hierarchy is not None:
            # each override asked as its own exact class: answered before, its module is not read
            for sub in self.hierarchy.overrides(cls, name, self.may_reach_slow):
                hit = self.dispatch_slow(sub, name, True, depth, iterated)
                if hit is not None:
                    found = (hit[0], True) + hit[2:]
                    break
        cache[key] = found
        return found


# the nodes clients_built and iterated_calls look at (both skip any other kind)
_BINDERS = (ast.Assign, ast.withitem, ast.For, ast.AsyncFor, ast.comprehension)


class Shape:
    """What the slow-call question reads of a body, from one pass over its own nodes: its calls
    in source order, whether it is a generator, and its assignments, ``with`` items and loops in
    the order :func:`own_nodes` lists them."""

    __slots__ = ("calls", "generator", "binders")

    def __init__(self, nodes: list[ast.AST]) -> None:
        calls, binders, generator = [], [], False
        for node in nodes:
            if isinstance(node, ast.Call):
                calls.append(node)
            elif isinstance(node, _BINDERS):
                binders.append(node)
            elif isinstance(node, (ast.Yield, ast.YieldFrom)):
                generator = True
        calls.sort(key=lambda n: (n.lineno, n.col_offset))
        self.calls: list[ast.Call] = calls
        self.generator = generator
        self.binders: list[ast.AST] = binders
