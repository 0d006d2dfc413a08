"""What an ``async def`` returns, for the summary layer (issue 19): the ORM objects it loads and
returns (one, or a list), their mapped class, the relationship paths its query loaded, and the
session they belong to: the caller's (given as a parameter), or the callee's own, closed by its
``async with`` block before the caller sees them (dstack's ``_lock_related_volume_models``).

Read from syntax, like the rules read the function being walked (:mod:`orm_loads`):
``res = await session.execute(select(M).options(...))`` then ``return list(res.scalars().all())``,
``return await session.get(M, id)``, a name bound to such a value and returned. A function that
returns anything else on some path (another name, a call) has no answer; ``return None`` and
``return []`` are left out.
"""
from __future__ import annotations

import ast
from typing import NamedTuple

from flake8_dbsession.model.callees import Callee, receiving_parameter, summary_key
from flake8_dbsession.model.orm_loads import eager_paths, result_chain, statement_parts
from flake8_dbsession.model.syntax import all_args, call_arguments, called_name

_returned_cache: dict[tuple, "Returned | None"] = {}


def forget() -> None:
    _returned_cache.clear()


class Returned(NamedTuple):
    state: str  # 'one' | 'many'
    model: str  # the mapped class: a qualified name, or '<local>.Name' for a class of the linted file
    eager: frozenset[str] | None  # the relationship paths its options load; None: options not read
    session: str | None  # the parameter the session came in by: the objects are the caller's session's
    closed: str | None  # how the callee's own session closed before the caller gets them
    elements: tuple = ()  # state 'tuple': what each element of a returned tuple is (None: unknown)


class ReturnedObjects:
    """Needs ``nodes(func)``, ``_async_sessions(callee, model, nodes)`` (session_effects),
    ``parameter_reads`` and ``_call_targets`` (object_reads) and the per-file cache
    ``_local_returned``."""

    def returned_objects(self, callee: Callee) -> Returned | None:
        cache = _returned_cache if callee.path is not None else self._local_returned
        key = summary_key(callee)
        if key not in cache:
            cache[key] = None  # recursion guard
            cache[key] = self._returned_in(callee) if isinstance(callee.node, ast.AsyncFunctionDef) else None
        return cache[key]

    def _returned_in(self, callee: Callee) -> Returned | None:
        func = callee.node
        nodes = self.nodes(func)
        returns = [n for n in nodes if isinstance(n, ast.Return) and n.value is not None
                   and not (isinstance(n.value, ast.Constant) and n.value.value is None)
                   and not (isinstance(n.value, (ast.List, ast.Tuple)) and not n.value.elts)]
        if not returns:
            return None
        statements: dict[str, tuple] = {}
        values: dict[str, tuple] = {}  # name -> (state, (session, class expr or qualname, options or eager))
        ordered = sorted((n for n in nodes if isinstance(n, (ast.Assign, ast.For, ast.Expr))),
                         key=lambda n: (n.lineno, n.col_offset))
        for node in ordered:
            if isinstance(node, ast.Assign):
                self._bind(node, callee, statements, values)
            else:
                self._written(node, callee, values)
        if len(returns) == 1 and isinstance(returns[0].value, ast.Tuple):
            elements = tuple(self._answer(callee, nodes, [e], statements, values) for e in returns[0].value.elts)
            return Returned("tuple", "", None, None, None, elements) if any(elements) else None
        return self._answer(callee, nodes, [r.value for r in returns], statements, values)

    def _bind(self, node: ast.Assign, callee: Callee, statements: dict, values: dict) -> None:
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            return
        name = node.targets[0].id
        statements.pop(name, None)
        values.pop(name, None)
        parts = statement_parts(node.value, statements, callee.qualname_of) \
            if isinstance(node.value, ast.Call) else None
        if parts is not None:
            statements[name] = parts
            return
        found = _value(node.value, statements, values, callee.qualname_of)
        if found is None and isinstance(node.value, ast.Await) and isinstance(node.value.value, ast.Call):
            found = self._from_callee(node.value.value, callee)
        if found is not None:
            values[name] = found

    def _from_callee(self, call: ast.Call, callee: Callee) -> tuple | None:
        """``x = await load_them(session=session)``: what the callee returns, loaded through the
        session this function gives it."""
        targets = self._call_targets(call, callee)
        inner = self.returned_objects(targets[0]) if len(targets) == 1 else None
        if inner is None or inner.session is None:
            return None
        given = call_arguments(call)
        session = next((arg for where, arg in given
                        if receiving_parameter(targets[0], call, where) == inner.session), None)
        if not isinstance(session, ast.Name):
            return None
        return inner.state, (session.id, inner.model, inner.eager)

    def _written(self, node: ast.For | ast.Expr, callee: Callee, values: dict) -> None:
        """``set_committed_value(x, "project", p)``, or a call whose summary does that to its
        parameter, on a returned object (or on each of a returned list, in a loop over it): the
        path is set, as if loaded (dstack's _populate_placement_group_relations, d38ae9b)."""
        if isinstance(node, ast.For):
            if isinstance(node.target, ast.Name) and isinstance(node.iter, ast.Name) and node.iter.id in values:
                for stmt in node.body:
                    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                        self._set_paths(stmt.value, callee, values, {node.target.id: node.iter.id})
        elif isinstance(node.value, ast.Call):
            self._set_paths(node.value, callee, values, {name: name for name in values})

    def _set_paths(self, call: ast.Call, callee: Callee, values: dict, names: dict[str, str]) -> None:
        written: set[tuple[str, str]] = set()
        if called_name(call.func) == "set_committed_value" and len(call.args) >= 2 \
                and isinstance(call.args[0], ast.Name) and call.args[0].id in names \
                and isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str):
            written.add((names[call.args[0].id], call.args[1].value))
        else:
            given = [(where, arg) for where, arg in call_arguments(call)
                     if isinstance(arg, ast.Name) and arg.id in names]
            targets = self._call_targets(call, callee) if given else []
            for where, arg in given if len(targets) == 1 else ():
                received = receiving_parameter(targets[0], call, where)
                for path in self.parameter_reads(targets[0]).get(received, {}) if received else ():
                    if path.startswith("="):
                        written.add((names[arg.id], path[1:]))
        for name, path in written:
            state, (session, class_ref, options) = values[name]
            eager = options if isinstance(options, frozenset) or options is None else eager_paths(list(options), {})
            if eager is not None:
                values[name] = (state, (session, class_ref, eager | {path}))

    def _answer(self, callee: Callee, nodes: list[ast.AST], exprs: list[ast.expr], statements: dict,
                values: dict) -> Returned | None:
        answers = set()
        for expr in exprs:
            found = _value(expr, statements, values, callee.qualname_of)
            if found is None or found[0] not in ("one", "many"):
                return None
            state, (session, class_ref, options) = found
            if isinstance(class_ref, ast.Name):
                class_ref = self._qualified(callee, class_ref.id)
            if not isinstance(class_ref, str):
                return None
            eager = options if isinstance(options, frozenset) or options is None else eager_paths(list(options), {})
            answers.add((state, session, class_ref, eager))
        if len(answers) != 1:
            return None
        state, session, qualname, eager = answers.pop()
        if session in {a.arg for a in all_args(callee.node.args)}:
            return Returned(state, qualname, eager, session, None)
        model = getattr(callee.qualname_of, "__self__", None)
        if model is not None and session in self._async_sessions(callee, model, nodes):
            block = next((n for n in nodes if isinstance(n, ast.AsyncWith) and any(
                isinstance(i.optional_vars, ast.Name) and i.optional_vars.id == session for i in n.items)), None)
            if block is not None:
                return Returned(state, qualname, eager, None,
                                f"the 'async with' block of '{session}' in {callee.name}() ended")
        return None

    def _qualified(self, callee: Callee, name: str) -> str | None:
        qualname = callee.qualname_of(ast.Name(id=name))
        if qualname:
            return qualname
        if callee.path is None:
            return f"<local>.{name}"
        module = self.index.module_name(callee.path) if self.index else None
        return f"{module}.{name}" if module else None


def _value(expr: ast.expr, statements: dict, values: dict, qualname_of) -> tuple | None:
    """(state, (session name, class expression, options)) of a value that loads objects."""
    def source(node: ast.expr) -> tuple | None:
        if isinstance(node, ast.Name):
            return values.get(node.id)
        if not node.args:
            return None
        session, method = node.func.value.id, node.func.attr
        if method in ("get", "get_one"):
            option_list = next((kw.value for kw in node.keywords if kw.arg == "options"), None)
            options = tuple(option_list.elts) if isinstance(option_list, (ast.List, ast.Tuple)) else \
                (() if option_list is None else None)
            return "one", (session, node.args[0], options)
        parts = statement_parts(node.args[0], statements, qualname_of)
        state = {"scalar": "one", "scalars": "many", "execute": "rows"}.get(method)
        return (state, (session, parts[0].args[0], parts[1])) if parts is not None and state is not None else None
    return result_chain(expr, source)
