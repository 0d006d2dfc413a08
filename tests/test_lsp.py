"""The language server over stdio, driven by an LSP client as an editor drives it: initialize,
didOpen, didChange, codeAction, didSave, didClose, shutdown."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from tests.lsp_client import Client  # noqa: E402

DB = textwrap.dedent("""\
    from sqlalchemy.ext.asyncio import async_sessionmaker

    Factory = async_sessionmaker()
""")
ROUTES = textwrap.dedent("""\
    from app.db import Factory


    async def remove(job) -> None:
        async with Factory() as db:
            db.delete(job)
            rows = db.execute(job).scalars()
""")


@pytest.fixture
def workspace(tmp_path: Path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "db.py").write_text(DB)
    (tmp_path / "app" / "routes.py").write_text(ROUTES)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    client = Client(str(tmp_path))
    client.initialize(tmp_path.as_uri(), {"debounce": 50})
    yield tmp_path, client
    client.close()


def _open(client: Client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": version,
                                                            "text": text}})
    return uri


def _change(client: Client, uri: str, text: str, version: int) -> None:
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                             "contentChanges": [{"text": text}]})


def test_diagnostics_on_open_with_code_link_and_source(workspace):
    root, client = workspace
    uri = _open(client, root / "app" / "routes.py", ROUTES)
    diagnostics = client.diagnostics(uri, 1)
    assert [(d["code"], d["range"]["start"]) for d in diagnostics] == [
        ("DBS005", {"line": 5, "character": 8}), ("DBS005", {"line": 6, "character": 15})]
    first = diagnostics[0]
    assert first["source"] == "flake8-dbsession"
    assert first["range"]["end"] == {"line": 5, "character": 22}
    assert first["codeDescription"]["href"].endswith("/rule_docs/DBS005.md")
    assert first["message"].startswith("AsyncSession.delete() is a coroutine")


def test_change_is_linted_and_code_actions_fix_or_silence(workspace):
    root, client = workspace
    uri = _open(client, root / "app" / "routes.py", ROUTES)
    client.diagnostics(uri, 1)
    _change(client, uri, ROUTES.replace("        rows = db.execute(job).scalars()\n", ""), 2)
    assert [d["range"]["start"]["line"] for d in client.diagnostics(uri, 2)] == [5]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
        "context": {"diagnostics": []}})
    titles = [a["title"] for a in actions]
    assert titles == ["Insert 'await' (DBS005)", "Disable DBS005 for this line"]
    fix = actions[0]["edit"]["documentChanges"][0]
    assert fix["textDocument"] == {"uri": uri, "version": 2}
    assert fix["edits"] == [{"range": {"start": {"line": 5, "character": 8}, "end": {"line": 5, "character": 8}},
                             "newText": "await "}]
    assert actions[0]["isPreferred"] is True and actions[0]["kind"] == "quickfix"
    noqa = actions[1]["edit"]["documentChanges"][0]["edits"]
    assert noqa == [{"range": {"start": {"line": 5, "character": 22}, "end": {"line": 5, "character": 22}},
                     "newText": "  # noqa: DBS005"}]
    _change(client, uri, ROUTES.replace("db.delete", "await db.delete").replace(
        "        rows = db.execute(job).scalars()\n", ""), 3)
    assert client.diagnostics(uri, 3) == []


def test_editing_the_factory_module_updates_the_importers(workspace):
    """app/db.py turns its factory into a sync sessionmaker in the editor, unsaved: the open
    app/routes.py is linted again with the buffer's meaning (DBS005 gives way to DBS007, DBS009)."""
    root, client = workspace
    routes = _open(client, root / "app" / "routes.py", ROUTES)
    assert {d["code"] for d in client.diagnostics(routes, 1)} == {"DBS005"}
    db = _open(client, root / "app" / "db.py", DB)
    client.diagnostics(db, 1)
    _change(client, db, DB.replace("async_sessionmaker", "sessionmaker").replace(".ext.asyncio", ".orm"), 2)
    client.diagnostics(db, 2)
    codes = {d["code"] for d in client.diagnostics(routes)}
    assert codes == {"DBS007", "DBS009"}, codes
    assert (root / "app" / "db.py").read_text() == DB, "nothing is written"


def test_unicode_columns_are_utf16_and_close_clears(workspace):
    root, client = workspace
    text = ROUTES.replace("        db.delete(job)", '        x = "\U0001F600é"; db.delete(job)')
    uri = _open(client, root / "app" / "routes.py", text)
    first = client.diagnostics(uri, 1)[0]
    assert first["range"]["start"] == {"line": 5, "character": 8 + len('x = "') + 2 + 1 + 3}
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_configuration_from_the_workspace(workspace):
    root, client = workspace
    (root / "pyproject.toml").write_text('[project]\nname = "app"\n[tool.flake8-dbsession]\nignore = ["DBS005"]\n')
    client2 = Client(str(root))
    try:
        client2.initialize(root.as_uri())
        uri = _open(client2, root / "app" / "routes.py", ROUTES)
        assert client2.diagnostics(uri, 1) == []
    finally:
        client2.close()


def test_save_lints_and_picks_up_files_created_meanwhile(workspace):
    root, client = workspace
    routes_text = ROUTES.replace("from app.db import Factory", "from app.other import SessionFactory").replace(
        "Factory()", "SessionFactory()")
    uri = _open(client, root / "app" / "routes.py", routes_text)
    assert {d["code"] for d in client.diagnostics(uri, 1)} == {"DBS001"}, "app/other.py does not exist yet"
    (root / "app" / "other.py").write_text(DB.replace("Factory", "SessionFactory"))
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert {d["code"] for d in client.diagnostics(uri)} == {"DBS005"}


def test_cross_function_finding_has_related_information(tmp_path: Path):
    """Decision 10: the steps through other functions are the diagnostic's relatedInformation,
    each in the file where it happens."""
    from tests.test_cli_formats import ACROSS

    for name, text in ACROSS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    client = Client(str(tmp_path))
    try:
        client.initialize(tmp_path.as_uri(), {"debounce": 50})
        uri = _open(client, tmp_path / "app" / "service.py", ACROSS["app/service.py"])
        diagnostic, = client.diagnostics(uri, 1)
        assert diagnostic["code"] == "DBS018" and diagnostic["range"]["start"] == {"line": 9, "character": 8}
        provider = (tmp_path / "app" / "provider.py").resolve().as_uri()
        assert [(r["location"]["uri"], r["location"]["range"]["start"], r["message"])
                for r in diagnostic["relatedInformation"]] == [
            (provider, {"line": 5, "character": 15}, "Provider.fetch() calls self._retry()"),
            (provider, {"line": 8, "character": 15}, "Provider._retry() calls httpx.get()")]
    finally:
        client.close()
