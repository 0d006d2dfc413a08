"""Facts about calls on sessions, engines and connections, combining the session model with the
generated API table: what protocol a value supports, which session a Query chain runs on, which
method a call is and on what."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flake8_dbsession.model import api
from flake8_dbsession.model.flavour import Flavour, Kind

if TYPE_CHECKING:
    from flake8_dbsession.model.session_model import SessionModel

_RECEIVERS = (Kind.SESSION, Kind.CONNECTION, Kind.ENGINE, Kind.REGISTRY, Kind.TRANSACTION, Kind.FACTORY)


@dataclass(frozen=True)
class MethodCall:
    """``receiver.method(...)`` where the receiver's flavour (and API class) is known."""

    call: ast.Call
    receiver_expr: ast.expr
    receiver: Flavour
    method: str

    @property
    def api(self) -> str:
        return self.receiver.api or ""

    @property
    def label(self) -> str:
        return f"{self.receiver.display}.{self.method}()"


def method_call(model: SessionModel, node: ast.AST) -> MethodCall | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    receiver = model.flavour(node.func.value)
    if receiver is None or receiver.api is None or receiver.kind not in _RECEIVERS:
        return None
    return MethodCall(node, node.func.value, receiver, node.func.attr)


def context_protocols(model: SessionModel, expr: ast.expr) -> tuple[frozenset[str], str, Flavour] | None:
    """(protocols the value of ``expr`` supports as a context manager, a label, the flavour the
    answer rests on), when known."""
    found = method_call(model, expr)
    if found is not None:
        if api.series_supporting(found.api, found.method, "with") or \
                api.series_supporting(found.api, found.method, "async with"):
            protocols = api.result_protocols(found.api, found.method)
            if protocols is not None:
                return protocols, found.label, found.receiver
        return None
    flavour = model.flavour(expr)
    if flavour is not None and flavour.api and flavour.kind in (Kind.SESSION, Kind.CONNECTION, Kind.TRANSACTION):
        protocols = api.instance_protocols(flavour.api)
        if protocols is not None:
            return protocols, flavour.display, flavour
    return None


def query_session(model: SessionModel, expr: ast.expr) -> tuple[ast.expr, Flavour] | None:
    """For ``s.query(X).filter(...)...``: (``s``, its flavour) when ``s`` is a session or registry."""
    node = expr
    depth = 0
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and depth < 200:
        if isinstance(node.func.value, ast.Name):  # q.filter(...) where q = db.query(M) above
            bound = model.bound_query(node.func.value.id)
            if bound is not None and node.func.attr != "query":
                return bound
        if node.func.attr == "query":
            flavour = model.flavour(node.func.value)
            if flavour is not None and flavour.kind in (Kind.SESSION, Kind.REGISTRY):
                return node.func.value, flavour
            return None
        node = node.func.value
        depth += 1
    if isinstance(node, ast.Name) and node is expr:
        return model.bound_query(node.id)  # for row in q:
    return None
