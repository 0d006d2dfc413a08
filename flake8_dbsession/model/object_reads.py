"""What a function reads from the objects it is given, for the summary layer (decision 2): the
attribute paths it reads from each parameter (``volume_model.user.name`` -> 'user', 'user.name'),
itself, through the callees it hands them to, and through Pydantic validation
(``Schema.model_validate(obj)`` reads each field of ``Schema``, nested schemas as nested paths).

A caller that knows what an object loaded asks which paths a call will read from it; the ORM rules
judge them against the object's load state. Paths are plain attribute names: which of them are
relationships is the caller's question (it knows the object's class).

A mixin of :class:`~flake8_dbsession.model.summaries.Summaries`, whose ``targets``, ``nodes``,
``calls`` and ``classes`` it uses. Names are followed when they are bound once: ``for v in
instance.volumes`` (an element keeps the path of its collection), ``user = volume.user``. A
parameter bound again anywhere in the body is not followed.
"""
from __future__ import annotations

import ast
from typing import NamedTuple

from flake8_dbsession.findings import Related
from flake8_dbsession.model.callees import Callee, receiving_parameter, self_name, step, summary_key
from flake8_dbsession.model.classes import ClassRef
from flake8_dbsession.model.syntax import all_args, call_arguments, called_name

MAX_READ_DEPTH = 6
MAX_SCHEMA_DEPTH = 3
# Pydantic's ways of reading an object's attributes: v2 model_validate (from_attributes), v1 from_orm
VALIDATORS = frozenset({"model_validate", "from_orm"})
_SKIP = frozenset({"__class__", "__dict__", "_sa_instance_state", "__table__", "__tablename__",
                   "awaitable_attrs"})


class Read(NamedTuple):
    """Where a path is read (the calls on the way, the read), and when: the flag parameters
    whose truth the read needs (``if include_backends: ... p.backends``), as (name, truth)."""

    steps: tuple[Related, ...]
    when: frozenset[tuple[str, bool]] = frozenset()


Reads = dict[str, Read]  # path -> how it is read

_reads_cache: dict[tuple, dict[str, Reads]] = {}
_schema_cache: dict[tuple, "Reads"] = {}


def forget() -> None:
    _reads_cache.clear()
    _schema_cache.clear()


class ObjectReads:
    """Needs ``targets(func, callee)``, ``nodes(func)``, ``calls(func)``, ``imports(func)``,
    ``classes`` and the per-file cache ``_local_reads``."""

    def parameter_reads(self, callee: Callee, depth: int = 1) -> dict[str, Reads]:
        """{parameter: {path: steps}} for the attribute paths ``callee`` reads from its parameters."""
        cache = _reads_cache if callee.path is not None else self._local_reads
        key = summary_key(callee)
        if key in cache:
            return cache[key]
        cache[key] = {}  # recursion guard
        cache[key] = found = self._reads_in(callee, depth) if depth <= MAX_READ_DEPTH else {}
        return found

    def _reads_in(self, callee: Callee, depth: int) -> dict[str, Reads]:
        func = callee.node
        nodes = self.nodes(func)
        me = self_name(func)
        params = {a.arg for a in all_args(func.args)} - {me}
        if not params:
            return {}
        aliases = _Aliases(params, nodes)
        guards = _flag_guards(func, params)
        out: dict[str, Reads] = {}

        def add(param: str, path: str, steps: tuple[Related, ...], node: ast.AST,
                when: frozenset = frozenset()) -> None:
            when = when | guards.get(id(node), frozenset())
            known = out.setdefault(param, {}).get(path)
            if known is None or len(when) < len(known.when):
                out[param][path] = Read(steps, when)

        called = {id(call.func) for call in self.calls(func)}
        for node in nodes:
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr not in _SKIP \
                    and id(node) not in called:
                found = aliases.resolve(node)
                if found is not None:
                    add(found[0], found[1], (step(callee, node, f"{callee.name}() reads '{found[1]}'"),), node)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                found = aliases.resolve(node)  # x.project = p, recorded as '=project' (the path is then set)
                if found is not None:
                    add(found[0], "=" + found[1], (step(callee, node, f"{callee.name}() sets '{found[1]}'"),), node)
        for call in self.calls(func):
            name = called_name(call.func)
            if name in ("set_committed_value", "getattr") and len(call.args) >= 2 \
                    and isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str):
                found = aliases.resolve(call.args[0])
                if found is not None:
                    path = _join(found[1], call.args[1].value)
                    if name == "getattr":
                        add(found[0], path, (step(callee, call, f"{callee.name}() reads '{path}'"),), call)
                    else:
                        add(found[0], "=" + path, (step(callee, call, f"{callee.name}() sets '{path}'"),), call)
                continue
            given = call_arguments(call)
            handed = [(where, found) for where, arg in given for found in [aliases.resolve(arg)] if found]
            if not handed:
                continue
            where, (param, prefix) = handed[0]
            if where == 0:
                for path, read in self._validated(call, callee).items():
                    add(param, _join(prefix, path), (step(callee, call, "validates it"),) + read.steps, call)
            targets = self._call_targets(call, callee)
            if not targets:
                continue
            target = targets[0]
            sub = self.parameter_reads(target, depth + 1)
            for where, (param, prefix) in handed:
                received = receiving_parameter(target, call, where)
                for path, read in sub.get(received, {}).items() if received else ():
                    when = _translated(read.when, target, call, params)
                    if when is None:
                        continue  # a flag this call sets against the read, or one we cannot tell
                    path = "=" + _join(prefix, path[1:]) if path.startswith("=") else _join(prefix, path)
                    add(param, path, (step(callee, call, f"calls {target.name}()"),) + read.steps, call, when)
        return out

    def _call_targets(self, call: ast.Call, callee: Callee) -> list[Callee]:
        """The bodies a call in ``callee`` runs; in the linted file, a function of the module
        defined further down too (the walk has not bound it yet)."""
        targets = self.targets(call.func, callee, any_module=True, overrides=False)
        if targets or callee.path is not None or not isinstance(call.func, ast.Name) \
                or call.func.id in self.bound(callee.node):
            return targets
        model = getattr(callee.qualname_of, "__self__", None)
        module = model.module_scope.node if model is not None and model.module_scope is not None else None
        for stmt in getattr(module, "body", ()):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == call.func.id:
                return [Callee(stmt, callee.qualname_of)]
        return []

    def call_reads(self, call: ast.Call, where: int | str, targets: list[Callee], caller: Callee) -> Reads:
        """The paths ``call`` (made in ``caller``, running ``targets``) reads from its argument
        ``where`` (a position or a keyword), with the steps from the call on. A read under a
        flag the call does not set true (``include_backends=False``, or a value not known) is
        left out."""
        out: Reads = {}
        if where == 0:
            out.update(self._validated(call, caller))
        if targets:
            received = receiving_parameter(targets[0], call, where)
            for path, read in self.parameter_reads(targets[0]).get(received, {}).items() if received else ():
                if _translated(read.when, targets[0], call, set()) is not None:
                    out.setdefault(path, read)
        return out

    # ------------------------------------------------------------------ Pydantic validation
    def _validated(self, call: ast.Call, caller: Callee) -> Reads:
        """``Schema.model_validate(obj)`` / ``Schema.from_orm(obj)``: the fields of ``Schema``."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr in VALIDATORS and call.args):
            return {}
        cls = self.classes.resolve(func.value, caller.qualname_of, caller.path, self.imports(caller.node))
        if cls is None:
            return {}
        return self.schema_reads(cls)

    def schema_reads(self, cls: ClassRef, depth: int = 0) -> Reads:
        """The attribute paths validating an object into ``cls`` reads (decision 2): each field
        by name or ``validation_alias``, nested schemas as nested paths; ``computed_field``s and
        fields with a ``mode="before"`` (v1 ``pre=True``) validator are not reads."""
        key = (cls.path, cls.name, cls.lineno)
        cache = _schema_cache if cls.path is not None else self._local_reads
        if key in cache:
            return cache[key]
        cache[key] = {}
        out: Reads = {}
        if depth <= MAX_SCHEMA_DEPTH:
            for node, owner in self._schema_classes(cls):
                before = _before_validated(node)
                if "*" in before:
                    continue
                for stmt in node.body:
                    if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                        continue
                    name = stmt.target.id
                    if name.startswith("_") or name == "model_config" or name in before or name in out \
                            or called_name(stmt.annotation) == "ClassVar":
                        continue
                    read = _alias(stmt.value) or name
                    here = Related(owner.path or "", stmt.lineno, stmt.col_offset, f"{node.name}.{name} reads '{read}'")
                    out.setdefault(read, Read((here,)))
                    nested = _annotated_class(stmt.annotation)
                    inner = self.classes.resolve(nested, owner.qualname_of, owner.path) if nested is not None else None
                    if inner is not None and inner != cls:
                        for path, inner_read in self.schema_reads(inner, depth + 1).items():
                            out.setdefault(f"{read}.{path}", Read((here,) + inner_read.steps))
        cache[key] = out
        return out

    def _schema_classes(self, cls: ClassRef):
        """``cls`` and its first-party bases, when one of them derives from pydantic's or
        sqlmodel's base model (else nothing: not a schema)."""
        chain: list[tuple[ast.ClassDef, ClassRef]] = []
        pydantic = False
        current: ClassRef | None = cls
        for _ in range(4):
            if current is None:
                break
            chain.append((current.node, current))
            following = None
            for base in current.node.bases:
                qualname = current.qualname_of(base) or ""
                if qualname.split(".")[0] in ("pydantic", "sqlmodel"):
                    pydantic = True
                elif following is None:
                    following = self.classes.resolve(base, current.qualname_of, current.path)
            current = following if following is not None and following != current else None
        return chain if pydantic else []


_PARAMETER = ast.Pass()  # the binding of a parameter on entry


class _Aliases:
    """Which parameter path a name holds where it is read: the latest binding of the name before
    the read, in source order (``for v in instance.volumes`` -> v is ('instance', 'volumes') in
    the loop; ``v = Volume()`` further down is not). A binding of another kind (a call's result,
    an import, tuple unpacking) holds nothing followed."""

    def __init__(self, params: set[str], nodes: list[ast.AST]) -> None:
        self.bindings: dict[str, list[tuple[tuple[int, int], ast.AST | None]]] = {
            p: [((0, 0), _PARAMETER)] for p in params}
        simple: dict[int, tuple[tuple[int, int], ast.AST]] = {}  # id(target Name) -> (where, value)
        for node in nodes:
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if len(targets) == 1 and isinstance(targets[0], ast.Name):
                    simple[id(targets[0])] = ((node.end_lineno or node.lineno, node.end_col_offset or 0), node.value)
            elif isinstance(node, (ast.For, ast.AsyncFor)) and isinstance(node.target, ast.Name):
                target = node.target  # an element keeps its collection's path
                simple[id(target)] = ((target.lineno, target.col_offset), node.iter)
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                for generator in node.generators:
                    if isinstance(generator.target, ast.Name):
                        simple[id(generator.target)] = ((node.lineno, node.col_offset), generator.iter)
        for node in nodes:
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                where, value = simple.get(id(node), ((node.lineno, node.col_offset), None))
                self.bindings.setdefault(node.id, []).append((where, value))
        for entries in self.bindings.values():
            entries.sort(key=lambda entry: entry[0])

    def resolve(self, expr: ast.expr, depth: int = 0) -> tuple[str, str] | None:
        """(parameter, path) an expression reads: ``v.user`` with ``v`` bound by ``for v in
        instance.volumes`` -> ('instance', 'volumes.user')."""
        if depth > 6:
            return None
        if isinstance(expr, ast.Name):
            found = None
            here = (getattr(expr, "lineno", 0), getattr(expr, "col_offset", 0))
            for where, value in self.bindings.get(expr.id, ()):
                if where > here:
                    break
                found = value
            if found is _PARAMETER:
                return expr.id, ""
            return self.resolve(found, depth + 1) if isinstance(found, ast.expr) else None
        if isinstance(expr, ast.Attribute):
            inner = self.resolve(expr.value, depth)
            return (inner[0], _join(inner[1], expr.attr)) if inner is not None else None
        if isinstance(expr, ast.Subscript):
            return self.resolve(expr.value, depth)  # an element of a collection
        return None


def _flag_guards(func: ast.AST, params: set[str]) -> dict[int, frozenset[tuple[str, bool]]]:
    """id(node) -> the flag parameters it runs under: ``if include_backends:`` / ``if not p:``
    bodies and branches, ``a if p else b``."""
    out: dict[int, frozenset[tuple[str, bool]]] = {}

    def flag(test: ast.expr) -> tuple[str, bool] | None:
        if isinstance(test, ast.Name) and test.id in params:
            return test.id, True
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Name) \
                and test.operand.id in params:
            return test.operand.id, False
        return None

    def visit(node: ast.AST, when: frozenset) -> None:
        if when:
            out[id(node)] = when
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) and node is not func:
            return
        found = flag(node.test) if isinstance(node, (ast.If, ast.IfExp)) else None
        if found is None:
            for child in ast.iter_child_nodes(node):
                visit(child, when)
            return
        name, truth = found
        visit(node.test, when)
        for child in (node.body if isinstance(node.body, list) else [node.body]):
            visit(child, when | {(name, truth)})
        for child in (node.orelse if isinstance(node.orelse, list) else [node.orelse]):
            visit(child, when | {(name, not truth)})

    if any(isinstance(n, (ast.If, ast.IfExp)) and flag(n.test) for n in ast.walk(func)):
        visit(func, frozenset())
    return out


def _translated(when: frozenset[tuple[str, bool]], target: Callee, call: ast.Call,
                outer: set[str]) -> frozenset[tuple[str, bool]] | None:
    """The flags of ``target`` a read needs, as ``call`` sets them: a constant argument (or the
    parameter's constant default) that meets the need drops it, one against it drops the read
    (None); an argument that is a parameter of the calling function (``outer``) carries the need
    over to it; any other argument cannot be told, and drops the read too."""
    if not when:
        return when
    args = target.node.args
    positional = [a.arg for a in args.posonlyargs + args.args]
    if positional and positional[0] in ("self", "cls") and isinstance(call.func, ast.Attribute):
        positional = positional[1:]
    defaults = dict(zip([a.arg for a in args.posonlyargs + args.args][-len(args.defaults):], args.defaults)) \
        if args.defaults else {}
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    given = {kw.arg: kw.value for kw in call.keywords if kw.arg}
    given.update({positional[i]: arg for i, arg in enumerate(call.args) if i < len(positional)
                  and not isinstance(arg, ast.Starred)})
    out = set()
    for name, truth in when:
        value = given.get(name, defaults.get(name))
        if isinstance(value, ast.Constant):
            if bool(value.value) != truth:
                return None
        elif isinstance(value, ast.Name) and value.id in outer:
            out.add((value.id, truth))
        else:
            return None
    return frozenset(out)


def _join(prefix: str, path: str) -> str:
    return f"{prefix}.{path}" if prefix else path


def _alias(value: ast.expr | None) -> str | None:
    """``Field(validation_alias="owner")`` / ``Field(alias="owner")``: the attribute read."""
    if isinstance(value, ast.Call) and called_name(value.func) == "Field":
        for kw in value.keywords:
            if kw.arg in ("validation_alias", "alias") and isinstance(kw.value, ast.Constant) \
                    and isinstance(kw.value.value, str):
                return kw.value.value
    return None


def _before_validated(cls: ast.ClassDef) -> set[str]:
    """Fields a ``mode="before"`` validator (v1: ``pre=True``) reads first: what it gets is not
    an attribute read the schema makes."""
    out: set[str] = set()
    for stmt in cls.body:
        for decorator in getattr(stmt, "decorator_list", ()):
            if not isinstance(decorator, ast.Call) or called_name(decorator.func) not in (
                    "field_validator", "validator", "model_validator", "root_validator"):
                continue
            flags = {kw.arg: kw.value.value for kw in decorator.keywords if isinstance(kw.value, ast.Constant)}
            before = flags.get("mode") in ("before", "wrap") or flags.get("pre") is True
            if before:
                out |= {a.value for a in decorator.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
                if called_name(decorator.func) in ("model_validator", "root_validator"):
                    out.add("*")
    return out


def _annotated_class(annotation: ast.expr) -> ast.expr | None:
    """The class an annotation holds: ``Author``, ``Author | None``, ``Optional[Author]``,
    ``list[Author]``."""
    node = annotation
    for _ in range(4):
        if isinstance(node, ast.Subscript):
            inner = node.slice
            node = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
        elif isinstance(node, ast.BinOp):
            node = node.right if isinstance(node.left, ast.Constant) and node.left.value is None else node.left
        else:
            break
    return node if isinstance(node, (ast.Name, ast.Attribute)) else None
