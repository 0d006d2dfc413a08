"""ORM objects handed on (decision 2): the paths a call, a Pydantic validation or a FastAPI
route's response model reads from an object the walked function holds, judged where the object's
load state is known; and the objects a first-party ``async def`` returns. A mixin of the ORM
rules' base, over the summary layer (:mod:`~flake8_dbsession.model.object_reads`,
:mod:`~flake8_dbsession.model.returned_objects`)."""
from __future__ import annotations

import ast
import re

from flake8_dbsession.findings import Related
from flake8_dbsession.model.callees import Callee, receiving_parameter
from flake8_dbsession.model.orm_classes import annotated_class_name
from flake8_dbsession.model.scopes import LocalClass
from flake8_dbsession.model.syntax import call_arguments
from flake8_dbsession.rules.held import Held
from flake8_dbsession.rules.io_calls import location

_GET_MODEL = re.compile(r"\.get(?:_one)?\(\s*(?:\w+\.)?[A-Z]")  # session.get(Model, ...) / models.Model
_ROUTE_METHODS = {"get", "post", "put", "patch", "delete", "api_route"}


def _response_schema(func: ast.AST) -> ast.expr | None:
    """The class FastAPI validates a route's return value into: ``response_model=X`` of its
    route decorator, else its return annotation (``list[X]`` gives ``X``); None off routes."""
    decorators = [d for d in getattr(func, "decorator_list", ()) if isinstance(d, ast.Call)
                  and isinstance(d.func, ast.Attribute) and d.func.attr in _ROUTE_METHODS]
    if not decorators:
        return None
    model = next((kw.value for kw in decorators[0].keywords if kw.arg == "response_model"), None)
    node = model if model is not None else getattr(func, "returns", None)
    for _ in range(3):
        if isinstance(node, ast.Subscript):
            node = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else node.slice
    return node if isinstance(node, ast.Name) else None


class ObjectsAcrossCalls:
    """Needs the ORM rules' walk state (``_held``, ``_lists``, ``_module_defs``,
    ``_session_classes``), ``_held_of``, ``_derived``, ``_async_session``, ``_remember_classes``,
    the mapped classes (``_local_model``, ``_imported_class``) and ``_detector()``."""

    def _handing_on(self, call: ast.Call) -> None:
        """A held object (or a list of them, or one reached through loaded relationships) given
        to a call: the paths the call reads from it (its body, its callees, Pydantic validation)
        are judged here, where the object's load state is known."""
        handed = []
        scope = self._held[id(self.model.function_scope)]
        lists = self._lists.get(id(self.model.function_scope), {})
        for where, arg in call_arguments(call):
            root = arg
            while isinstance(root, ast.Attribute):
                root = root.value
            if not (isinstance(root, ast.Name) and (root.id in scope or root.id in lists)):
                continue
            listed = isinstance(arg, ast.Name) and arg.id in lists
            held = lists[arg.id] if listed else self._held_of(arg)
            if held is not None and self._worth_handing(held):
                handed.append((where, ast.Name(id=f"{arg.id}[i]") if listed else arg, held))
        if not handed:
            return
        detector = self._detector()
        targets = self._call_targets(call)
        function = self.model.function_scope.node
        caller = Callee(function, self.model.qualname)
        for where, arg, held in handed:
            reads = detector.summaries.call_reads(call, where, targets, caller)
            for path, steps in sorted(((p, r.steps) for p, r in reads.items()), key=lambda i: (i[1][-1].line, i[0])):
                if path.startswith("="):
                    if held.eager is not None:  # the callee sets it (set_committed_value): loaded from here on
                        held.eager = held.eager | {path[1:]}
                else:
                    self._handed_read(call, arg, held, path, steps)

    def _call_targets(self, call: ast.Call) -> list[Callee]:
        """The first-party bodies a call may run (a function of this module defined further
        down included: the walk has not bound it yet)."""
        targets = self._detector().callees(call.func, *self._class_context(), any_module=True, overrides=False)
        if not targets and isinstance(call.func, ast.Name) and call.func.id in self._module_defs \
                and self.model.scope.lookup(call.func.id)[1] is None:
            targets = [Callee(self._module_defs[call.func.id], self.model.qualname)]
        return targets

    def _returned(self, value: ast.expr) -> list[tuple[str, Held] | None] | None:
        """[('one' | 'many', the objects)] a call of a first-party ``async def`` returns, from its
        summary (one entry per element of a returned tuple): loaded through the session this
        function gives it, or through its own session, closed before they came back (detached)."""
        call = value.value if isinstance(value, ast.Await) else None
        if not isinstance(call, ast.Call) or not isinstance(call.func, (ast.Name, ast.Attribute)) \
                or not self._may_load_objects(call.func):
            return None
        targets = self._call_targets(call)
        if len(targets) != 1:
            return None
        returned = self._detector().summaries.returned_objects(targets[0])
        if returned is None:
            return None
        parts = returned.elements if returned.state == "tuple" else (returned,)
        return [self._returned_held(call, targets[0], part) if part is not None else None for part in parts]

    def _returned_held(self, call: ast.Call, target: Callee, returned) -> tuple[str, Held] | None:
        if returned.model.startswith("<local>."):
            binding = self.model.module_scope.names.get(returned.model[8:]) if self.model.module_scope else None
            model = self._local_model(binding) if isinstance(binding, LocalClass) else None
        else:
            resolver = self.file.project_resolver
            model = resolver.remember("model-class", returned.model,
                                      lambda: self._imported_class(returned.model, 0)) if resolver else None
        if model is None:
            return None
        if returned.closed is not None:
            return returned.state, Held("", model, returned.eager, detached_by=returned.closed)
        given = call_arguments(call)
        session = next((arg for where, arg in given if receiving_parameter(target, call, where) == returned.session),
                       None)
        if not isinstance(session, ast.Name) or self._async_session(session) is None:
            return None
        return returned.state, Held(session.id, model, returned.eager)

    def _may_load_objects(self, func: ast.expr) -> bool:
        """Cheap first: could the callee be an ``async def`` of this file, of its class, or of a
        module whose text runs a query (``select(``, ``.returning(``, ``.get(Model``)? Calls on
        receivers typed by other means are not followed for what they return: resolving them
        parses modules on every awaited assignment (open-webui's table helpers)."""
        if isinstance(func, ast.Name) and func.id in self._module_defs:
            return True
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ("self", "cls"):
            return True
        qualname = self.model.qualname(func)
        resolver = self.file.project_resolver
        if not qualname or resolver is None:
            return False
        cached = self._loading_modules.get(qualname)
        if cached is None:
            text = resolver.module_text(qualname) or ""
            cached = self._loading_modules[qualname] = "select(" in text or ".returning(" in text \
                or _GET_MODEL.search(text) is not None
        return cached

    def _annotated_load(self, value: ast.Await) -> None:
        """``projects = await list_user_project_models(session=session, ...)`` whose summary says
        nothing but whose annotation says ``-> List[ProjectModel]``: rows of that class are now
        in the session given (a many-to-one to them may come from the identity map)."""
        call = value.value
        if not isinstance(call, ast.Call) or not any(isinstance(a, ast.Name) and self._async_session(a)
                                                     for a in [*call.args, *(k.value for k in call.keywords)]):
            return
        if not self._may_load_objects(call.func):
            return
        targets = self._call_targets(call)
        returns = targets[0].node.returns if len(targets) == 1 else None
        name = annotated_class_name(returns)
        if name is None:
            return
        sessions = [a.id for a in [*call.args, *(k.value for k in call.keywords)]
                    if isinstance(a, ast.Name) and self._async_session(a)]
        known = self._session_classes.setdefault(id(self.model.function_scope), {})
        for session in sessions:
            known.setdefault(session, set()).add(name)

    def _response_reads(self, node: ast.Return) -> None:
        """FastAPI's response validation (decision 2): an ``async def`` route whose
        ``response_model=`` (or return annotation) is a Pydantic schema, returning a held object
        (or a list of them), has the schema read it; each path is judged at the ``return``."""
        value = node.value
        scope = self._held.get(id(self.model.function_scope))
        lists = self._lists.get(id(self.model.function_scope), {})
        if not isinstance(value, ast.Name) or not (scope and value.id in scope or value.id in lists):
            return
        func = self.model.function_scope.node
        schema = _response_schema(func)
        if schema is None:
            return
        detector = self._detector()
        cls = detector.classes.resolve(schema, self.model.qualname, None)
        if cls is None:
            return
        held = lists[value.id] if value.id in lists else scope[value.id]
        if not self._worth_handing(held):
            return
        shown = ast.Name(id=f"{value.id}[i]") if value.id in lists else value
        for path, read in sorted(detector.summaries.schema_reads(cls).items()):
            self._handed_read(node, shown, held, path, read.steps)

    def _bind_returned(self, name: str, kind: str, held: Held) -> None:
        self._remember_classes(held)
        if kind == "one":
            self._held.setdefault(id(self.model.function_scope), {})[name] = held
        else:
            held.many = True
            self._lists.setdefault(id(self.model.function_scope), {})[name] = held

    def _worth_handing(self, held: Held) -> bool:
        """Could a read of ``held`` through a call be reported at all? Asked before the call's
        targets are looked for: most calls hand on nothing a rule could judge."""
        return True

    def _handed_read(self, call: ast.Call, arg: ast.expr, held: Held, path: str, steps: tuple[Related, ...]) -> None:
        """``path`` of ``arg`` (holding ``held``) is read through ``call``: each rule decides."""

    def _via(self, steps: tuple[Related, ...], depth: int = 0) -> str:
        """"via volume_model_to_volume() at app/services/volumes.py:21": where the read is made
        (for a schema, the field of the ``depth``-th step of the path: ``VolumeOut.user``)."""
        schema = [s for s in steps if "() " not in s.note and " reads " in s.note]
        where = schema[min(depth, len(schema) - 1)] if schema and len(schema) == len(steps) else steps[-1]
        return f"via {where.note.split(' reads ')[0]} at {location(where, self._detector().root)}"

    def _walk(self, held: Held, path: str) -> tuple[Held, str] | None:
        """Follow ``path`` through the relationships ``held`` loaded: (the object at the first
        step that is not a loaded relationship, that step), or None when the path reads nothing
        of a known class."""
        current = held
        for attr in path.split("."):
            model = current.model
            if model is None or current.eager is None:
                return None
            if attr not in current.eager or attr not in model.relationships:
                return current, attr
            following = self._derived(current, attr)
            if following is None:
                return None
            current = following
        return None
