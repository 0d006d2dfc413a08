"""DBS003 unbound-session and DBS004 engine-flavour-mismatch: sessions and engines built wrong."""
from __future__ import annotations

import ast

from flake8_dbsession.model import api, sqla_names
from flake8_dbsession.model.flavour import Kind
from flake8_dbsession.findings import source_text
from flake8_dbsession.rules.base import Rule, register

_SCOPES = ("FunctionDef", "AsyncFunctionDef", "Lambda", "ClassDef", "Module")


@register
class UnboundSession(Rule):
    code = "DBS003"
    name = "unbound-session"
    summary = "Session() / AsyncSession() created with no bind: the first query raises UnboundExecutionError"

    def __init__(self, file) -> None:
        super().__init__(file)
        # per scope: (call, bound name or None, its API class) of unbound constructions
        self._pending: dict[int, list[tuple[ast.Call, str | None, str]]] = {}
        self._io_names: dict[int, set[str]] = {}  # per scope: names a query runs on
        self._bound_later: set[str] = set()  # names given .bind = ... or bind_arguments=

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and api.session_method_does_io(func.attr):
            self._io_names.setdefault(id(self.model.scope), set()).add(func.value.id)
        cls = sqla_names.class_flavour(self.model.qualname(func))
        if cls is None or cls.kind is not Kind.SESSION:
            return
        if node.args or any(kw.arg in ("bind", "binds") or kw.arg is None for kw in node.keywords):
            return
        parent = self.model.parent
        name = None
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
            name = parent.targets[0].id
        elif isinstance(parent, ast.withitem) and isinstance(parent.optional_vars, ast.Name):
            name = parent.optional_vars.id
        elif not (isinstance(parent, ast.Attribute) and api.session_method_does_io(parent.attr)):
            return  # returned or handed on unnamed: no evidence that it ever runs a query
        self._pending.setdefault(id(self.model.scope), []).append((node, name, cls.api or ""))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == "bind" and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name):
            self._bound_later.add(node.value.id)

    def visit_keyword(self, node: ast.keyword) -> None:
        call = self.model.parent
        if node.arg == "bind_arguments" and isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                and isinstance(call.func.value, ast.Name):
            self._bound_later.add(call.func.value.id)

    def _finish(self, node: ast.AST) -> None:
        io_names = self._io_names.pop(id(self.model.scope), set())
        for call, name, _ in self._pending.pop(id(self.model.scope), []):
            if name is not None and (name in self._bound_later or name not in io_names):
                continue  # bound later, or never queried (add/expunge only need no bind)
            text = source_text(call.func)
            self.report(call, f"{text}() is created with no bind: its first query raises "
                              f"UnboundExecutionError; pass the engine ('{text}(engine)') or create "
                              f"sessions from a sessionmaker(bind=engine)")

    leave_FunctionDef = leave_AsyncFunctionDef = leave_Lambda = leave_ClassDef = leave_Module = _finish


_SUGGEST_ASYNC = {"postgresql": "postgresql+asyncpg", "sqlite": "sqlite+aiosqlite", "mysql": "mysql+aiomysql"}
_SUGGEST_SYNC = {"postgresql": "postgresql+psycopg2", "sqlite": "sqlite", "mysql": "mysql+pymysql"}


@register
class EngineFlavourMismatch(Rule):
    code = "DBS004"
    name = "engine-flavour-mismatch"
    summary = "a sync driver given to create_async_engine, an async driver to create_engine, or a " \
              "sync/async engine given to the other flavour's session or factory"

    def visit_Call(self, node: ast.Call) -> None:
        qualname = self.model.qualname(node.func)
        if sqla_names.is_sqla_function(qualname, "create_async_engine"):
            self._check_url(node, want="async")
        elif sqla_names.is_sqla_function(qualname, "create_engine"):
            self._check_url(node, want="sync")
        else:
            cls = sqla_names.class_flavour(qualname)
            if cls is not None and cls.kind in (Kind.SESSION, Kind.FACTORY):
                self._check_bind(node, cls)

    def _url_prefix(self, node: ast.Call) -> str | None:
        arg = node.args[0] if node.args else next((kw.value for kw in node.keywords if kw.arg == "url"), None)
        if arg is None:
            return None
        text = self.model.string_constant(arg)
        if text is not None:
            return text
        if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
            prefix = arg.values[0].value
            return prefix if isinstance(prefix, str) and "://" in prefix else None
        return None

    def _check_url(self, node: ast.Call, want: str) -> None:
        url = self._url_prefix(node)
        if url is None or "://" not in url:
            return
        scheme = url.split("://", 1)[0].lower()
        dialect, _, driver = scheme.partition("+")
        found = api.driver_flavour(dialect, driver or None, self.file.sqlalchemy_min_series)
        if found is None:
            return
        flavour, actual = found
        if flavour in (want, "both"):
            return
        callee = source_text(node.func)
        if want == "async":
            suggest = _SUGGEST_ASYNC.get(dialect) or next(iter(api.drivers_of(dialect, "async")), None)
            fix = f"use '{suggest}://'" if suggest and "+" in suggest else (
                f"use '{dialect}+{suggest}://'" if suggest else "use an async driver")
            self.report(node, f"{callee}() is given the sync-only driver '{actual}' ('{scheme}://...'): "
                              f"it raises InvalidRequestError 'The asyncio extension requires an async "
                              f"driver' when the engine is created; {fix}")
        else:
            suggest = _SUGGEST_SYNC.get(dialect, dialect)
            self.report(node, f"{callee}() is given the async-only driver '{actual}' ('{scheme}://...'): "
                              f"the engine is created, then its first connect raises MissingGreenlet; "
                              f"use create_async_engine() for it, or a sync URL such as '{suggest}://'")

    def _check_bind(self, node: ast.Call, cls) -> None:
        bind = node.args[0] if node.args else next((kw.value for kw in node.keywords if kw.arg == "bind"), None)
        engine = self.model.flavour(bind)
        if engine is None or engine.kind is not Kind.ENGINE:
            return
        built = self.model.flavour(node)
        if built is None:
            return
        made = built.product if built.kind is Kind.FACTORY else built
        if made is None or made.mode is engine.mode:
            return
        callee = source_text(node.func)
        engine_text = source_text(bind)
        why = f" ({engine.evidence})" if engine.evidence else ""
        if made.is_async:
            self.report(node, f"{callee}() is given the sync engine '{engine_text}'{why}: using the session "
                              f"raises ArgumentError 'AsyncEngine expected, got Engine'; build the engine "
                              f"with create_async_engine()")
        else:
            self.report(node, f"{callee}() is given the async engine '{engine_text}'{why}: the first query "
                              f"raises AsyncContextNotStarted; use async_sessionmaker({engine_text}) or "
                              f"AsyncSession({engine_text}), or a sync engine from create_engine()")
