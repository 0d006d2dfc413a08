"""Unit tests of the summary layer's pieces: receiver types read from annotations and
constructors, the class table, and the text gate on override modules (whose answers must not
depend on the order in which questions come)."""
from __future__ import annotations

import ast

import pytest

from flake8_dbsession.model import hierarchy, import_reach, summaries
from flake8_dbsession.model.receiver_types import annotation_classes, attribute_classes, returned_types
from flake8_dbsession.project import index as project_index


def _names(exprs) -> list[str]:
    return [ast.unparse(e) for e in exprs]


@pytest.mark.parametrize("annotation, expected, elements", [
    ("Provider", ["Provider"], []),
    ("Provider | None", ["Provider"], []),
    ("Optional[app.Provider]", ["app.Provider"], []),
    ("'Provider'", ["Provider"], []),
    ("Repo[User]", ["Repo"], []),
    ("list[Evaluator]", [], ["Evaluator"]),
    ("Sequence[Evaluator] | None", [], ["Evaluator"]),
    ("Annotated[Provider, Depends(get)]", ["Provider"], []),
    ("Any", [], []),
    ("dict[str, Provider]", ["dict"], []),
])
def test_annotation_classes(annotation, expected, elements):
    node = ast.parse(annotation, mode="eval").body
    assert _names(annotation_classes(node)) == expected
    assert _names(annotation_classes(node, elements=True)) == elements


def test_attribute_classes_from_init_and_class_body():
    cls = ast.parse('''
class Service:
    repo: Repository

    def __init__(self, provider: Provider | None = None, session=None):
        self.provider = provider or YahooProvider()
        self.embeddings = self._get_embeddings()
        self.client = cast(Client, make())
        self.session = session
''').body[0]
    found = {name: [(ast.unparse(r.expr), r.exact) if not isinstance(r, str) else r for r in refs]
             for name, refs in attribute_classes(cls).items()}
    assert found == {"repo": [("Repository", False)],
                     "provider": [("Provider", False), ("YahooProvider", True)],
                     "embeddings": ["_get_embeddings"],
                     "client": [("Client", False)]}


def test_returned_types_prefer_constructors_to_the_annotation():
    built, declared = ast.parse('''
def a() -> Embeddings:
    return CacheEmbedding(x)

def b() -> Embeddings:
    return make()
''').body
    assert [(ast.unparse(r.expr), r.exact) for r in returned_types(built)] == [("CacheEmbedding", True)]
    assert [(ast.unparse(r.expr), r.exact) for r in returned_types(declared)] == [("Embeddings", False)]


def test_class_table_and_the_text_gate(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "base.py").write_text("class Model:\n    def invoke(self):\n        raise NotImplementedError\n")
    (app / "net.py").write_text("import httpx\n\ndef post():\n    return httpx.post('x')\n")
    (app / "remote.py").write_text("from app.base import Model\nfrom app import net\n\n"
                                   "class Remote(Model):\n    async def invoke(self):\n        return net.post()\n")
    (app / "local.py").write_text("from app.base import Model\n\nclass Local(Model):\n    def other(self):\n"
                                  "        return 1\n")
    monkeypatch.setattr(hierarchy, "_tables", {})
    table = hierarchy.class_table(str(tmp_path))
    assert {cls for _, cls in table.descendants("Model")} == {"Remote", "Local"}
    assert "invoke" in table.functions and "invoke" in table.coroutines and "other" not in table.coroutines
    index = project_index.for_root(str(tmp_path))

    def gate(order):
        monkeypatch.setattr(import_reach, "_reach_cache", {})
        monkeypatch.setattr(import_reach, "_imports_cache", {})
        layer = summaries.Summaries(None, None, lambda q: (None, None), lambda q: True, (), index)
        return {name: layer.may_reach_slow(str(app / name)) for name in order}

    first = gate(["remote.py", "local.py", "base.py", "net.py"])
    assert first == {"remote.py": True, "local.py": False, "base.py": False, "net.py": True}
    assert gate(["base.py", "local.py", "net.py", "remote.py"]) == first, "the same whatever the order"


def test_a_known_class_is_read_only_when_its_node_is_asked_for():
    from flake8_dbsession.model.classes import ClassRef

    cls = ast.parse("class Provider(Base):\n    def fetch(self):\n        pass\n").body[0]
    reads = []

    def load():
        reads.append(1)
        return ClassRef(cls, lambda expr: None, "app/providers.py")

    ref = ClassRef.known("app/providers.py", "Provider", 1, load)
    assert (ref.path, ref.name, ref.lineno) == ("app/providers.py", "Provider", 1) and not reads
    assert ref == ClassRef(cls, lambda expr: None, "app/providers.py")  # the same class, by where it is
    assert ref.node is cls and ref.node is cls and reads == [1]
    gone = ClassRef.known("app/providers.py", "Provider", 1, lambda: None)  # its module changed since
    assert gone.node.body == [] and gone.qualname_of(ast.Name(id="x")) is None


def test_functions_a_body_returns_and_binds():
    """A factory's result is one of the nested functions or lambdas it returns (open-webui's
    get_embedding_function); a lambda is read as a one-statement function at its position."""
    from flake8_dbsession.model.callees import as_function, local_functions, returned_functions
    from flake8_dbsession.model.walk import own_nodes
    func = ast.parse('''
def factory(engine):
    if engine == "":
        async def local(q):
            return q
        return local
    call = lambda q: post(q)
    async def remote(q):
        return await call(q)
    return remote
''').body[0]
    nodes = own_nodes(func)
    assert [f.name for f in returned_functions(nodes)] == ["local", "remote"]
    bound = local_functions(nodes, "call")
    assert [f.name for f in bound] == ["call"] and isinstance(bound[0].body[0], ast.Return)
    assert (bound[0].lineno, bound[0].col_offset) == (7, 11)
    lam = ast.parse("f = lambda: g()").body[0].value
    assert as_function(lam, "f") is as_function(lam, "f")
    assert returned_functions(own_nodes(ast.parse("def h():\n    return lambda: 1").body[0]))[0].name == "<lambda>"


def test_application_state_assignments_and_requests():
    """Only an application's state counts: a module-level FastAPI()/Starlette(), or
    request.app inside a function; any other object's 'state' is not the application's."""
    from flake8_dbsession.model import app_state
    tree = ast.parse('''
from fastapi import FastAPI
import starlette.applications as apps
app = FastAPI()
other = apps.Starlette()
registry = Registry()
app.state.EMBED = get_embedding_function(engine)
other.state.EMBED = module.handler
registry.state.EMBED = get_embedding_function(engine)
app.state.EMBED == compare()

def update(request):
    request.app.state.EMBED = make()
    request.state.EMBED = make_other()
''')
    found = [(s.line, s.anchor, s.function, s.called) for s in app_state.stored_in(tree, "m.py", "EMBED")]
    assert found == [(7, "app", "get_embedding_function", True), (8, "other", "module.handler", False),
                     (13, "update", "make", True)]
    call = ast.parse("request.app.state.EMBED(x)", mode="eval").body
    assert app_state.state_attribute(call.func) == ("request", "EMBED")
    assert app_state.state_attribute(ast.parse("request.state.EMBED", mode="eval").body) is None
    func = ast.parse("def f(request: Request, other, ws: WebSocket): pass").body[0]
    qualnames = {"Request": "fastapi.Request", "WebSocket": "starlette.websockets.WebSocket"}
    resolve = lambda e: qualnames.get(getattr(e, "id", None))  # noqa: E731
    assert app_state.request_parameter(func, "request", resolve)
    assert app_state.request_parameter(func, "ws", resolve)
    assert not app_state.request_parameter(func, "other", resolve)


def test_the_project_scan_finds_state_assignments(tmp_path):
    (tmp_path / "main.py").write_text("app.state.EMBED = make()\napp.state.X == 1\n")
    (tmp_path / "other.py").write_text("request.app.state.EMBED  =  make()\n")
    hierarchy.forget()
    table = hierarchy.class_table(str(tmp_path))
    assert sorted(p.rsplit("/", 1)[-1] for p in table.state_assigned["EMBED"]) == ["main.py", "other.py"]
    assert "X" not in table.state_assigned
    hierarchy.forget()


OWN_STATEMENTS = '''
def f(a):
    import x
    from app.client import Client as C
    if a:
        from app import other
        for item in a:
            while item:
                with open(item) as handle:
                    pass
    else:
        try:
            from app.retry import retry
        except ImportError as error:
            from app.fallback import retry
        else:
            y = 1
        finally:
            z = 2
    match a:
        case 1:
            from app.one import one
    def nested():
        from app.hidden import hidden
    class Inner:
        from app.attr import attr
    return [lambda: 1 for _ in a]
'''


def test_own_statements_are_the_statements_own_nodes_finds():
    from flake8_dbsession.model.classes import function_imports
    from flake8_dbsession.model.walk import own_nodes, own_statements

    func = ast.parse(OWN_STATEMENTS).body[0]
    kinds = (ast.stmt, ast.excepthandler, ast.match_case)
    assert [id(n) for n in own_statements(func)] == [id(n) for n in own_nodes(func) if isinstance(n, kinds)]
    assert function_imports(func) == function_imports(func, own_nodes(func)) == {
        "C": "app.client.Client", "other": "app.other", "retry": "app.retry.retry", "one": "app.one.one"}


SHAPED = '''
def f(items):
    client = httpx.Client()
    with httpx.AsyncClient() as other:
        other.get(url)
    for row in load():
        yield row
    rows = [transform(x) for x in stream()]
    return client.post(url), helper(rows)
'''


def test_a_body_shape_is_what_its_own_nodes_give():
    from flake8_dbsession.model.summaries import _BINDERS, Shape
    from flake8_dbsession.model.walk import own_nodes

    func = ast.parse(SHAPED).body[0]
    nodes = own_nodes(func)
    shape = Shape(nodes)
    calls = sorted((n for n in nodes if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
    assert [id(n) for n in shape.calls] == [id(n) for n in calls]
    assert [id(n) for n in shape.binders] == [id(n) for n in nodes if isinstance(n, _BINDERS)]
    assert shape.generator
    assert not Shape(own_nodes(ast.parse("def g():\n    return (lambda: (yield))\n").body[0])).generator


@pytest.mark.parametrize("body, expected", [
    ("    c = Client()\n    c.get()\n", {"c": "Client"}),
    ("    c: Client = make()\n", {"c": "Client"}),
    ("    c = Client()\n    if (c := other()):\n        pass\n", {}),  # rebound by a walrus: no class
    ("    c = make()\n    c.get()\n", {}),
    ("    for c in items:\n        c.get()\n", {}),
])
def test_typed_locals_skip_the_walk_only_when_no_statement_states_a_class(body, expected):
    from flake8_dbsession.model.classes import local_classes, types_locals
    from flake8_dbsession.model.walk import own_statements

    func = ast.parse("def f(items):\n" + body).body[0]
    found = {name: ast.unparse(cls) for name, cls in local_classes(func).items()}
    assert found == expected
    if not types_locals(own_statements(func)):
        assert found == {}  # what the gate answers without the walk
