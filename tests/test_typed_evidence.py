"""The small readers of stated types the rules lean on: locals bound to a class (the slow-I/O
detector), record fields a coroutine is stored in (DBS005)."""
from __future__ import annotations

import ast
import textwrap

import pytest

from flake8_dbsession.model import records
from flake8_dbsession.model.classes import function_imports, local_classes


def _func(source: str) -> ast.FunctionDef:
    return ast.parse(textwrap.dedent(source)).body[0]  # type: ignore[return-value]


def _classes(source: str) -> dict[str, str]:
    return {name: ast.unparse(expr) for name, expr in local_classes(_func(source)).items()}


def test_locals_bound_to_a_class():
    assert _classes("""
        def f(instance, other, flag):
            client = PluginModelClient()
            model = cast(TextEmbeddingModel, instance)
            repo: repos.UserRepository = make()
            same = Client(); same = Client()
            either = Client()
            either = Other()
            maybe = Client() if flag else None
            looped = Client()
            for looped in other:
                pass
            entered = Client()
            with open(other) as entered:
                pass
            lower = make_client()
    """) == {"client": "PluginModelClient", "model": "TextEmbeddingModel", "repo": "repos.UserRepository",
             "same": "Client"}


def test_imports_inside_a_function():
    assert function_imports(_func("""
        def f():
            from core.plugin.impl.model import PluginModelClient
            from . import relative
            from pkg import *
            import os
    """)) == {"PluginModelClient": "core.plugin.impl.model.PluginModelClient"}


@pytest.mark.parametrize("annotation, plain", [
    ("list[Result]", True),
    ("int | None", True),
    ("Optional[dict[str, int]]", True),
    ("TableResult", True),
    ("Any", False),
    ("Awaitable[list[str]]", False),
    ("Coroutine[Any, Any, int]", False),
    ("T", False),
    ("'list[Result]'", False),
    ("Union[int, str]", False),
])
def test_record_fields_that_hold_plain_values(annotation, plain):
    assert records.holds_plain_values(ast.parse(annotation, mode="eval").body) is plain


def test_record_field_of_an_argument():
    cls = ast.parse(textwrap.dedent("""
        @dataclass
        class TableResults:
            table_name: str
            results: list[Result]
    """)).body[0]
    call = ast.parse("TableResults(name, conn.run_sync(check), extra=x)", mode="eval").body
    assert ast.unparse(records.field_annotation(cls, call, call.args[1])) == "list[Result]"
    assert records.field_annotation(cls, call, call.keywords[0].value) is None  # no such field
    starred = ast.parse("TableResults(*names, conn.run_sync(check))", mode="eval").body
    assert records.field_annotation(cls, starred, starred.args[1]) is None  # where it lands is unknown
