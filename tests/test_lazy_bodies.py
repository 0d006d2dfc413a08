"""Module facts shed their definitions' bodies and parse them again on first read: what comes
back must be exactly what was shed, for every shape of definition and line ending."""
from __future__ import annotations

import ast

import pytest

from flake8_dbsession.model.lazy_bodies import LAZY_DEFINITIONS, shed, shed_read_classes

SOURCES = {
    "plain": "import x\n\ndef f(a):\n    return a\n\nasync def g():\n    await x.y()\n\nclass C(Base):\n"
             "    def m(self):\n        yield 1\n",
    "decorated, multi-line header": "@dec\n@other(1)\ndef f(\n    a,\n    b=(1,\n       2),\n) -> int:\n"
                                    "    '''doc'''\n    return a\n",
    "one-line bodies": "def f(): return 1\nclass C: x = 1\n",
    "semicolon after the body": "def f(): pass; y = (\n    1)\nz = 2\n",
    "CRLF": "def f():\r\n    return 1\r\n\r\nclass C:\r\n    pass\r\n",
    "lone CR": "def f():\r    return 1\r",
    "form feed and unicode line separator": "\x0cdef f():\n    s = 'a\u2028b'\n    return s\n\x0c\ndef g():\n"
                                            "    return 2\n",
    "continuation at the end": "def f():\n    return 1 + \\\n        2\nx = 1\n",
    "methods, read inside a class above them": (
        "class C(Base):\n    x: int = 1\n\n    @property\n    def p(self):\n        return 1\n\n"
        "    async def m(\n        self, a,\n    ) -> int:\n        'doc'\n        return await a\n\n"
        "    class Inner:\n        def n(self):\n            pass\n"),
    "method with a semicolon after its body": "class C:\n    def m(self): pass; y = (\n        1)\n",
    "method with CRLF and a dedented comment": "class C:\r\n    def m(self):\r\n# note\r\n        return 1\r\n",
    "nested and conditional": "if True:\n    def f():\n        return 1\ndef g():\n    def h():\n        pass\n"
                              "    return h\n",
}


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_a_shed_body_comes_back_as_it_was(source):
    expected = [_fields(node) for node in ast.parse(source).body]
    tree = ast.parse(source)
    shed(tree, source)
    assert [_fields(node) for node in tree.body] == expected
    shed_read_classes()  # and a read class's methods, shed in turn
    assert [_fields(node) for node in tree.body] == expected


def _fields(node: ast.AST) -> list:
    """Every field and position of a statement, its children dumped (``ast.dump`` of the node
    itself would print ``returns=None`` for a shed node: its class holds a property there)."""
    def dump(value):  # a read class's methods are shed in turn: walked by fields, not ast.dump
        if isinstance(value, ast.AST):
            kind = getattr(type(value), "_base", type(value)).__name__
            return [kind] + [(name, dump(getattr(value, name, None))) for name in value._fields + value._attributes]
        return [dump(item) for item in value] if isinstance(value, list) else value
    return [(name, dump(getattr(node, name, None))) for name in node._fields + node._attributes]


def test_a_read_class_sheds_its_methods_until_they_are_read():
    source = SOURCES["methods, read inside a class above them"]
    tree = ast.parse(source)
    shed(tree, source)
    cls = tree.body[0]
    p, m, inner = cls.body[1:]
    assert type(p) is ast.FunctionDef  # whole until the file being linted is done
    shed_read_classes()
    assert type(p) in LAZY_DEFINITIONS.values() and type(inner) in LAZY_DEFINITIONS.values()
    assert "body" not in m.__dict__  # the class was read; the method is not yet
    assert (m.lineno, m.body[0].lineno, m.body[1].value.value.id) == (8, 11, "a")
    assert [type(n).__name__ for n in cls.body] == ["AnnAssign", "FunctionDef", "AsyncFunctionDef", "ClassDef"]


def test_a_shed_definition_is_still_its_kind():
    source = SOURCES["plain"]
    tree = ast.parse(source)
    shed(tree, source)
    f, g, c = tree.body[1:]
    assert [type(n).__name__ for n in (f, g, c)] == ["FunctionDef", "AsyncFunctionDef", "ClassDef"]
    assert isinstance(f, ast.FunctionDef) and isinstance(g, ast.AsyncFunctionDef) and isinstance(c, ast.ClassDef)
    assert set(LAZY_DEFINITIONS.values()) == {type(f), type(g), type(c)}
    assert not {"body", "args", "decorator_list"} & set(f.__dict__)  # gone until asked for
    assert f.body is f.body  # parsed once: the same nodes on every read


def test_only_column_0_definitions_are_shed():
    source = SOURCES["nested and conditional"]
    tree = ast.parse(source)
    shed(tree, source)
    conditional, g = tree.body
    assert type(conditional.body[0]) is ast.FunctionDef
    assert type(g) is not ast.FunctionDef and type(g.body[0]) is ast.FunctionDef


def test_a_body_can_be_replaced():
    tree = ast.parse("def f():\n    return 1\n")
    shed(tree, "def f():\n    return 1\n")
    tree.body[0].body = [ast.Pass()]
    assert isinstance(tree.body[0].body[0], ast.Pass)


def test_astroid_rebuilds_a_shed_tree():
    from flake8_dbsession.project.index import _astroid_build

    source = SOURCES["plain"]
    tree = ast.parse(source)
    shed(tree, source)
    module = _astroid_build(tree, source, "m", "m.py")
    assert module is not None and sorted(module.locals) == ["C", "f", "g", "x"]
    assert [type(n).__name__ for n in module.body[1:]] == ["FunctionDef", "AsyncFunctionDef", "ClassDef"]


def test_module_facts_are_shed_between_files_and_answer_the_same(tmp_path):
    from flake8_dbsession.analysis import analyze, forget_sources
    from flake8_dbsession.project.resolve import ProjectResolver
    from flake8_dbsession.settings import Settings

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "db.py").write_text(
        "from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine\n"
        "from sqlalchemy.orm import sessionmaker\n\n"
        "def make_factory():\n    engine = create_async_engine('sqlite+aiosqlite://')\n"
        "    return sessionmaker(engine, class_=AsyncSession)\n\n"
        "SessionLocal = make_factory()\n")
    user = "from app.db import SessionLocal\n\nasync def handler():\n    with SessionLocal() as session:\n" \
           "        await session.commit()\n"
    # b.py asks a question a.py did not: the answer comes from the shed body of make_factory
    other = user.replace("from app.db import SessionLocal", "from app.db import make_factory\n\n"
                         "SessionLocal = make_factory()")
    (app / "a.py").write_text(user)
    (app / "b.py").write_text(other)
    forget_sources(True)
    first = analyze(ast.parse(user), str(app / "a.py"), Settings())
    facts = ProjectResolver._facts[str(app / "db.py")]
    node = facts.scope.names["make_factory"].node
    assert "body" not in node.__dict__ and "_fields_read" not in node.__dict__  # shed after a.py
    facts.model.products._cache.clear()  # as if a.py had not asked what make_factory() returns
    second = analyze(ast.parse(other), str(app / "b.py"), Settings())
    assert "_fields_read" in node.__dict__  # b.py's question read it again
    assert [f.code for f in first] == [f.code for f in second] == ["DBS007"]


@pytest.mark.parametrize("source", ["def f(a):\n    return a\n", "class C(B):\n    x = 1\n",
                                    "@d\nasync def g():\n    pass\n"])
def test_a_definition_whose_text_no_longer_parses_comes_back_empty(source):
    tree = ast.parse(source)
    shed(tree, "garbage (((")
    node = tree.body[0]
    assert isinstance(node.body[0], ast.Pass)
    if isinstance(node, ast.ClassDef):  # a class keeps its header: only its body was shed
        assert [b.id for b in node.bases] == ["B"]
    else:
        assert node.decorator_list == [] and node.returns is None


INDEXED = ("class C(Base):\n    x = 1\n    provider: Provider | None = None\n\n"
           "    @property\n    def p(self):\n        return 1\n\n"
           "    async def m(\n        self,\n    ):\n        return await self.p\n\n    def m(self):\n        pass\n")


def test_a_method_of_a_shed_class_is_found_without_reading_the_class():
    from flake8_dbsession.model.syntax import class_annotations, method_of

    tree = ast.parse(INDEXED)
    shed(tree, INDEXED)
    cls = tree.body[0]
    m = method_of(cls, "m")
    assert "_fields_read" not in cls.__dict__  # the class body was not parsed
    assert isinstance(m, ast.AsyncFunctionDef) and m.lineno == 9  # the first of that name, as in the body
    assert method_of(cls, "m") is m and method_of(cls, "missing") is None
    assert m.body[0].value.value.attr == "p" and m.body[0].lineno == 12  # its own lines, parsed on read
    assert [d.id for d in method_of(cls, "p").decorator_list] == ["property"]
    assert [b.id for b in cls.bases] == ["Base"]  # the header is kept
    assert [(n, ast.unparse(a)) for n, a in class_annotations(cls)] == [("provider", "Provider | None")]
    assert "_fields_read" not in cls.__dict__
    body = cls.body  # read whole now: the method handed out before is the one in the body
    kinds = [type(n).__name__ for n in body]
    assert body[3] is m and kinds == ["Assign", "AnnAssign", "FunctionDef", "AsyncFunctionDef", "FunctionDef"]
    assert method_of(cls, "m") is m
    shed_read_classes()
    assert _fields(cls) == _fields(ast.parse(INDEXED).body[0])
