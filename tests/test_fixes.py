"""``check --fix`` / ``--diff``: every fixture with DBS005/DBS006/DBS007 findings, the file's bytes
kept (encoding, BOM, line endings, permissions), idempotence, and a property test over generated
async functions."""
from __future__ import annotations

import ast
import os
import shutil
import stat
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from flake8_dbsession.cli.config import Config
from flake8_dbsession.cli.files import Target
from flake8_dbsession.cli.fixing import apply_fixes, fix_lines
from flake8_dbsession.cli.lint import Options, decode_source, lint_lines
from flake8_dbsession.cli.main import main
from flake8_dbsession.fixes import Edit, Fix
from tests.conftest import FIXTURES
from tests.test_cli import BUG, check, tree  # noqa: F401 - the fixture

FIXED_CODES = ("DBS005", "DBS006", "DBS007")


def _fixture_files() -> list:
    files = [p for code in FIXED_CODES for p in sorted((FIXTURES / code).glob("*.py"))]
    for project in sorted((FIXTURES / "projects").iterdir()):
        files += [p for p in sorted(project.rglob("*.py")) if any(c in p.read_text() for c in FIXED_CODES)]
    return files


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fix_on_every_fixture(tmp_path, monkeypatch, capsys, path):
    """The fixed file parses, keeps only the findings no safe fix exists for, and differs from the
    original only on the findings' lines; a second --fix changes nothing."""
    root = path.parent if path.parent.parent == FIXTURES else next(
        p for p in path.parents if p.parent == FIXTURES / "projects")
    copy = tmp_path / root.name
    shutil.copytree(root, copy)
    target_file = copy / path.relative_to(root)
    monkeypatch.chdir(copy)
    rel = str(path.relative_to(root))
    before = target_file.read_text()
    main(["check", "--isolated", "-j1", "--select", ",".join(FIXED_CODES), "--output-format", "json", rel])
    import json
    findings = json.loads(capsys.readouterr().out)
    main(["check", "--isolated", "-j1", "--select", ",".join(FIXED_CODES), "--fix", rel])
    capsys.readouterr()
    after = target_file.read_text()
    ast.parse(after)
    main(["check", "--isolated", "-j1", "--select", ",".join(FIXED_CODES), "--output-format", "json", rel])
    remaining = json.loads(capsys.readouterr().out)
    unfixable = {(f["code"], f["location"]["row"]) for f in findings if f["fix"] is None or
                 f["fix"]["applicability"] != "safe"}
    assert {(f["code"], f["location"]["row"]) for f in remaining} <= unfixable
    fixed_rows = {f["location"]["row"] for f in findings if f["fix"] and f["fix"]["applicability"] == "safe"}
    fixed_rows |= {e["end_location"]["row"] for f in findings if f["fix"] for e in f["fix"]["edits"]}
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    assert {n for n, (a, b) in enumerate(zip(old, new), start=1) if a != b} <= fixed_rows
    if any(f["fix"] and f["fix"]["applicability"] == "safe" for f in findings):
        assert after != before
    main(["check", "--isolated", "-j1", "--select", ",".join(FIXED_CODES), "--fix", rel])
    capsys.readouterr()
    assert target_file.read_text() == after, "a second --fix changes nothing"


def test_fix_summary_and_exit_code(tree, capsys):  # noqa: F811
    root = tree({"app/jobs.py": BUG})
    rc, out, err = check(capsys, "--fix")
    assert rc == 0 and out == "Found 1 error (1 fixed, 0 remaining).\n", out + err
    assert (root / "app" / "jobs.py").read_text() == BUG.replace("db.delete", "await db.delete")
    assert check(capsys, "--fix") == (0, "All checks passed!\n", "")


def test_diff_writes_nothing(tree, capsys):  # noqa: F811
    root = tree({"app/jobs.py": BUG})
    rc, out, err = check(capsys, "--diff")
    assert rc == 1 and err == "Would fix 1 error.\n"
    assert out.splitlines()[:2] == ["--- app/jobs.py", "+++ app/jobs.py"]
    assert "-    db.delete(job)\n+    await db.delete(job)\n" in out
    assert (root / "app" / "jobs.py").read_text() == BUG


def test_unsafe_fixes_only_when_asked(tree, capsys):  # noqa: F811
    source = textwrap.dedent("""\
        from sqlalchemy.orm import sessionmaker
        Factory = sessionmaker()


        async def f(q):
            with Factory() as s:
                await s.execute(q)
    """)
    root = tree({"app/jobs.py": source})
    rc, out, _ = check(capsys)
    assert "DBS006" in out and "(1 hidden fix can be enabled with the `--unsafe-fixes` option)" in out
    assert check(capsys, "--fix")[0] == 1
    assert (root / "app" / "jobs.py").read_text() == source
    check(capsys, "--fix", "--unsafe-fixes")
    assert "                s.execute(q)" not in (root / "app" / "jobs.py").read_text()
    assert "        s.execute(q)\n" in (root / "app" / "jobs.py").read_text()


def test_bytes_encoding_bom_line_endings_and_permissions_are_kept(tree, capsys):  # noqa: F811
    root = tree({})
    path = root / "jobs.py"
    body = ("# -*- coding: latin-1 -*-\r\n" + BUG.replace("\n", "\r\n").replace("-> None:", "-> None:  # d\xe9j\xe0")
            ).encode("latin-1")
    path.write_bytes(body)
    os.chmod(path, 0o750)
    bom = root / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + BUG.replace("job)", "job\xe9)").encode("utf-8"))
    check(capsys, "--fix")
    assert path.read_bytes() == body.replace(b"    db.delete", b"    await db.delete")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o750
    assert bom.read_bytes() == b"\xef\xbb\xbf" + BUG.replace("job)", "job\xe9)").replace(
        "    db.delete", "    await db.delete").encode("utf-8")
    assert not [p for p in os.listdir(root) if p.startswith(".flake8-dbsession-")]


def test_a_file_changed_on_disk_is_not_written(tree, capsys, monkeypatch):  # noqa: F811
    import flake8_dbsession.cli.fixing as fixing
    root = tree({"app/jobs.py": BUG})
    real = fixing.fix_lines

    def meddling(target, *args):
        out = real(target, *args)
        (root / "app" / "jobs.py").write_text(BUG + "# edited meanwhile\n")
        return out
    monkeypatch.setattr(fixing, "fix_lines", meddling)
    rc, out, err = check(capsys, "--fix")
    assert "the file changed on disk" in err and rc == 1
    assert (root / "app" / "jobs.py").read_text() == BUG + "# edited meanwhile\n"


def test_fix_from_stdin_prints_the_fixed_source(tree, capsys, monkeypatch):  # noqa: F811
    import io
    import sys
    tree({})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BUG.encode())))
    rc, out, err = check(capsys, "--fix", "--stdin-filename", "app/jobs.py", "-")
    assert rc == 0 and out == BUG.replace("db.delete", "await db.delete") and err == ""


def test_edits_that_do_not_match_the_text_or_break_it_are_not_applied():
    lines = ["x = f(y)\n"]
    stale = Fix("t", (Edit(1, 4, 1, 4, "await ", "zz"),))
    breaking = Fix("t", (Edit(1, 0, 1, 1, "(", "x"),))
    fine = Fix("t", (Edit(1, 4, 1, 4, "g", ""),))
    assert apply_fixes(lines, [stale, breaking, fine]) == (["x = gf(y)\n"], 1)


# ----------------------------------------------------------------------- property: generated code
_CALLS = ["db.delete(job)", "db.commit()", "db.get(Job, 1)", "db.execute(q)", "db.flush()", "db.refresh(job)"]
_SHAPES = [
    "{call}", "x = {call}", "if not {call}:\n    pass", "rows = {call}.scalars()", "y = {call} is None",
    "print({call})", "await db.add(job)", "with db.begin():\n    pass", "z = [{call} for _ in range(2)]",
    "w = ({call} for _ in range(2))", "v = lambda: {call}", "u = {{'k': {call}}}", "t = {call}[0]",
    "await db.commit()", "s = f'{{{call}}}'", "r = -({call})",
]
_WRAPPERS = ["{body}", "if cond:\n{body}", "for item in items:\n{body}", "try:\n{body}\nfinally:\n    pass",
             "while cond:\n{body}\n    break", "async with Factory() as other:\n{body}"]


@st.composite
def async_functions(draw):
    statements = []
    for _ in range(draw(st.integers(1, 5))):
        shape = draw(st.sampled_from(_SHAPES)).format(call=draw(st.sampled_from(_CALLS)))
        wrapper = draw(st.sampled_from(_WRAPPERS))
        statements.append(shape if wrapper == "{body}" else wrapper.format(body=textwrap.indent(shape, "    ")))
    flavour = draw(st.sampled_from(["async def", "def"]))
    body = textwrap.indent("\n".join(statements), "    ")
    return ("from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker\n"
            "Factory = async_sessionmaker()\n\n\n"
            f"{flavour} handler(db: AsyncSession, job, q, cond, items):\n{body}\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(async_functions())
def test_fixes_change_nothing_else_and_are_idempotent(tmp_path_factory, source):
    ast.parse(source)
    folder = tmp_path_factory.mktemp("gen")
    target = Target("gen.py", str(folder / "gen.py"), Config(str(folder)))
    options = Options()
    lines, _ = decode_source(source.encode())
    before = lint_lines(target, options, lines)
    fixed, after, count = fix_lines(target, options, lines, unsafe=False)
    text = "".join(fixed)
    ast.parse(text)  # still a program
    # only the findings' lines change, and the line count stays
    rows = {f.line for f in before.findings if f.fix} | {e.end_line for f in before.findings if f.fix
                                                         for e in f.fix.edits}
    assert len(fixed) == len(lines)
    assert {n for n, (a, b) in enumerate(zip(lines, fixed), start=1) if a != b} <= rows
    # taking out every 'await' (and the parentheses the fixes put around one) and 'async ' before
    # 'with db.begin()' gives the same text on both sides: the fixes changed nothing else
    assert _strip_inserted(text) == _strip_inserted(source)
    if "async def" not in source:
        assert text.count("await") <= source.count("await"), "no 'await' inserted outside async def"
    # nothing safe is left to fix, and fixing again changes nothing
    assert not [f for f in after.findings if f.fix is not None and f.fix.safe]
    again, _, more = fix_lines(target, options, fixed, unsafe=False)
    assert again == fixed and more == 0


def _strip_inserted(text: str) -> str:
    out = text.replace("async with db.begin()", "with db.begin()").replace("await db.add(job)", "db.add(job)")
    for call in _CALLS:
        out = out.replace(f"(await {call})", call).replace(f"await {call}", call)
    return out


def test_multi_item_with_is_fixed_only_when_every_item_allows_it(tree, capsys):  # noqa: F811
    source = textwrap.dedent("""\
        from sqlalchemy.ext.asyncio import async_sessionmaker
        from sqlalchemy.orm import sessionmaker
        AsyncFactory = async_sessionmaker()
        SyncFactory = sessionmaker()


        async def both_async():
            with AsyncFactory() as a, AsyncFactory() as b:
                pass


        async def mixed():
            with AsyncFactory() as a, SyncFactory() as b:
                pass


        def not_async():
            with AsyncFactory() as a:
                pass
    """)
    root = tree({"app/jobs.py": source})
    rc, out, _ = check(capsys, "--fix", "--select", "DBS007")
    assert rc == 1 and "Found 4 errors (2 fixed, 2 remaining)." in out, out
    fixed = (root / "app" / "jobs.py").read_text()
    assert fixed == source.replace("    with AsyncFactory() as a, AsyncFactory() as b:",
                                   "    async with AsyncFactory() as a, AsyncFactory() as b:")
