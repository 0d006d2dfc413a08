"""How a query loads ORM objects, read from syntax: the statement a call executes (``select(M)``
with its ``.options(...)``, a statement bound above, ``update(M)....returning(M)``), the
relationship paths its loader options load, and what each method of a result gives. Shared by
the ORM rules (objects of the function being walked) and the summaries (objects a function
returns)."""
from __future__ import annotations

import ast

from flake8_dbsession.model.syntax import called_name

EAGER = {"selectinload", "joinedload", "subqueryload", "immediateload", "contains_eager", "defaultload"}
LAZY_OPTIONS = {"lazyload", "raiseload", "noload"}
COLUMN_OPTIONS = {"load_only", "defer", "undefer", "undefer_group", "with_expression"}
# what a result's method gives: 'rows' (a Result of select(Model)), 'many' (objects: a
# ScalarResult, a list), 'one' (an object)
RESULT_STEPS = {
    **{("rows", m): "one" for m in ("scalar_one", "scalar_one_or_none", "scalar")},
    ("rows", "scalars"): "many", ("rows", "unique"): "rows",
    **{("many", m): "one" for m in ("first", "one", "one_or_none")},
    **{("many", m): "many" for m in ("all", "unique", "fetchall")},
}
LOADERS = {"get", "get_one", "scalar", "scalars", "execute"}  # session methods a chain starts with
RESULT_METHODS = {method for _, method in RESULT_STEPS}
SESSION_STEPS = frozenset({"add", "commit", "flush", "rollback", "refresh", "delete", "close"})


def statement_parts(stmt: ast.expr, statements: dict, qualname_of) -> tuple[ast.Call, tuple[ast.expr, ...]] | None:
    """``select(Model).where(...).options(selectinload(Model.items))`` -> (the ``select`` call,
    its options). A chain may start from a statement bound above (``query = query.filter(...)``),
    or be a DML statement returning objects (``update(M)....returning(M)``)."""
    options: list[ast.expr] = []
    returning = None
    node = stmt
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "options":
            options += node.args
        elif node.func.attr == "returning":
            returning = node.args[0] if len(node.args) == 1 else False
        node = node.func.value
    if isinstance(node, ast.Name):
        found = statements.get(node.id)
        return (found[0], found[1] + tuple(options)) if found is not None else None
    if not (isinstance(node, ast.Call) and len(node.args) == 1
            and (qualname_of(node.func) or "").split(".")[0] in ("sqlalchemy", "sqlmodel")):
        return None
    name = called_name(node.func)
    if name == "select":
        return node, tuple(options)
    if name in ("update", "insert", "delete") and returning is not None and returning is not False:
        # the objects RETURNING gives are in the session, with no relationship loaded
        return ast.Call(func=node.func, args=[returning], keywords=[]), ()
    return None


def eager_paths(options: list[ast.expr], constants: dict[str, ast.expr]) -> frozenset[str] | None:
    """The relationship paths loader options load: ``selectinload(A.b).joinedload(B.c)`` ->
    {'b', 'b.c'}; None when an option cannot be read (then it may load anything)."""
    covered: set[str] = set()
    for option in options:
        if isinstance(option, ast.Starred):
            constant = constants.get(option.value.id) if isinstance(option.value, ast.Name) else None
            if constant is None:
                return None
            inner = eager_paths(list(constant.elts), constants)
            if inner is None:
                return None
            covered |= inner
            continue
        chain: list[tuple[str, list[ast.expr]]] = []  # outermost first
        first = option
        while isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute) \
                and isinstance(first.func.value, ast.Call):
            chain.append((first.func.attr, first.args))
            first = first.func.value
        if not (isinstance(first, ast.Call) and called_name(first.func) in EAGER | LAZY_OPTIONS):
            return None  # an option we cannot read: assume it covers everything
        chain.append((called_name(first.func), first.args))
        prefix = ""
        for loader, args in reversed(chain):
            if loader in COLUMN_OPTIONS:
                continue  # load_only(...) of the path so far: its columns
            if loader == "options":  # joinedload(A.b).options(joinedload(B.c), ...): each under 'b.'
                inner = eager_paths(list(args), constants)
                if inner is None:
                    return None
                covered |= {prefix + path for path in inner}
                break
            if loader not in EAGER | LAZY_OPTIONS:
                break
            names = []
            for arg in args:
                if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) \
                        and arg.func.attr in ("and_", "of_type"):
                    arg = arg.func.value  # joinedload(M.items.and_(Item.deleted == False))
                if isinstance(arg, ast.Attribute):
                    names.append(arg.attr)
                elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if arg.value == "*":
                        return None
                    names += [p for p in arg.value.split(".") if p]
                else:
                    return None  # a path we cannot read: it may load anything
            if not names:
                break
            for name in names:
                prefix += name
                if loader in EAGER:
                    covered.add(prefix)
                prefix += "."
    return frozenset(covered)


def result_chain(value: ast.expr, source) -> tuple[str, object] | None:
    """(state, what ``source`` said of the chain's start) for a value that loads objects:
    ``await s.get(M, id)``, ``(await s.execute(stmt)).scalars().all()``, ``result.scalar_one()``
    over a name bound above, ``list(...)`` of a list. ``source(node)`` answers for a chain's start
    (a name, or a session call ``s.get(...)`` / ``s.execute(...)``): (state, payload) or None."""
    node = value.value if isinstance(value, ast.Await) else value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("list", "sorted") \
            and len(node.args) == 1 and not node.keywords:
        inner = result_chain(node.args[0], source)  # list(result.scalars().all())
        return ("many", inner[1]) if inner is not None and inner[0] == "many" else None
    methods: list[str] = []
    while True:  # syntax first: only a chain's start is worth asking about
        if isinstance(node, ast.Name) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                                          and node.func.attr in LOADERS and isinstance(node.func.value, ast.Name)):
            start = source(node)
            if start is not None:
                break
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in RESULT_METHODS):
            return None
        methods.append(node.func.attr)
        node = node.func.value
        node = node.value if isinstance(node, ast.Await) else node
    state, payload = start
    for method in reversed(methods):
        state = RESULT_STEPS.get((state, method))
        if state is None:
            return None
    return state, payload
