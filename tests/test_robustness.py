"""Any valid Python gives findings or nothing, never a traceback."""
from __future__ import annotations

import ast
import os
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from flake8_dbsession.analysis import analyze
from flake8_dbsession.settings import Settings
from tests.conftest import findings, run_flake8

HEADER = "from sqlalchemy.ext.asyncio import AsyncSession\nfrom sqlalchemy.orm import Session\n"
STDLIB = Path(sysconfig.get_paths()["stdlib"])


def test_deeply_nested_binary_expression():
    source = HEADER + "x = " + " + ".join(["a"] * 2000) + "\n"
    assert findings(source) == []


def test_long_attribute_chain():
    source = HEADER + "async def f(s: AsyncSession):\n    s" + ".a" * 2000 + ".delete(x)\n"
    assert findings(source) == []


def test_deeply_nested_functions():
    body = ""
    for depth in range(90):
        body += "    " * depth + f"async def f{depth}(s: AsyncSession):\n"
    body += "    " * 90 + "s.commit()\n"
    result = findings(HEADER + body)
    assert [f.code for f in result] == ["DBS005"]


def test_odd_but_valid_constructs():
    source = HEADER + textwrap.dedent("""\
        from os import *
        global_name = None

        async def f(s: AsyncSession, *args, s2: "AsyncSession" = None, **kw):
            global global_name
            match s:
                case AsyncSession() as matched:
                    await matched.commit()
                case _:
                    pass
            if (t := s) is not None:
                await t.commit()
            lam = lambda s=s: s.commit()
            class Inner:
                def __init__(inner):
                    inner.s = s
            del s
            (a, *b), c = [1, 2], 3
            EXCEPT_STAR
            async for x in aiter(y):
                pass
            return [await q async for q in z]

        def g(self):
            self.x.y = 1

        class C:
            session: "Session"
            @staticmethod
            def s(a): return a.b
            def m(this): return this.session.query(X)
        """)
    # 'except*' is Python 3.11 syntax: the interpreter the linter runs under decides what parses
    except_star = "try:\n        pass\n    except* ValueError as eg:\n        pass" \
        if sys.version_info >= (3, 11) else "pass"
    source = source.replace("EXCEPT_STAR", except_star)
    assert [f.code for f in findings(source)] == []


def test_type_alias_statement_and_generics():
    source = HEADER + "type SessionAlias = AsyncSession\ndef f[T](x: T) -> T:\n    return x\n"
    try:
        ast.parse(source)
    except SyntaxError:
        pytest.skip("Python < 3.12")
    assert findings(source) == []


def test_syntax_error_and_odd_encoding_through_flake8(project):
    root = project({
        "broken.py": "def f(:\n    pass\n",
        "latin.py": "# -*- coding: latin-1 -*-\n",
        "empty.py": "",
        "bom.py": "\ufefffrom sqlalchemy.orm import Session\ns = Session()\ns.commit()\n",
    })
    (root / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nfrom sqlalchemy.orm import Session\nname = '\xe9'\ns = Session()\ns.commit()\n")
    result = run_flake8(["--select=DBS,E999", "--format=%(path)s:%(row)d:%(code)s", "."], cwd=root)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert set(result.stdout.split()) == {"./broken.py:1:E999", "./latin.py:4:DBS003", "./bom.py:2:DBS003",
                                          "./latin.py:4:DBS020", "./bom.py:2:DBS020"}


def _stdlib_files():
    return sorted(p for p in STDLIB.rglob("*.py") if "site-packages" not in p.parts)


def test_sample_of_the_standard_library():
    files = _stdlib_files()[::40]
    assert len(files) > 20
    for path in files:
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        analyze(tree, str(path), Settings())


@pytest.mark.stdlib
def test_whole_standard_library_through_flake8(tmp_path):
    result = run_flake8(["--isolated", "--select=DBS", "--extend-exclude=site-packages", str(STDLIB)], cwd=tmp_path)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


@pytest.mark.stdlib
def test_whole_standard_library_without_the_gate():
    for path in _stdlib_files():
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        analyze(tree, str(path), Settings())


# the closing note's runs use DBS_FUZZ_EXAMPLES=10000; the default keeps `-m fuzz` to minutes
FUZZ_EXAMPLES = int(os.environ.get("DBS_FUZZ_EXAMPLES", "300"))


@pytest.mark.fuzz
def test_hypothesmith_programs():
    hypothesis = pytest.importorskip("hypothesis")
    hypothesmith = pytest.importorskip("hypothesmith")

    @hypothesis.settings(max_examples=FUZZ_EXAMPLES, deadline=None,
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(hypothesmith.from_grammar())
    def check(source):
        try:
            tree = ast.parse(HEADER + source)
        except (SyntaxError, ValueError):
            return
        analyze(tree, "fuzz.py", Settings())

    check()


@pytest.mark.fuzz
def test_generated_session_programs(tmp_path_factory):
    """Programs that do use sessions, with random control flow, through every rule, the
    standalone command's lint (noqa, formats' positions) and its fixes."""
    hypothesis = pytest.importorskip("hypothesis")
    from flake8_dbsession.cli.config import Config
    from flake8_dbsession.cli.files import Target
    from flake8_dbsession.cli.fixing import fix_lines
    from flake8_dbsession.cli.formats import items, json_format, sarif
    from flake8_dbsession.cli.lint import Options, lint_lines
    from tests.strategies import session_programs

    folder = tmp_path_factory.mktemp("fuzz")
    target = Target("gen.py", str(folder / "gen.py"), Config(str(folder)))

    @hypothesis.settings(max_examples=FUZZ_EXAMPLES, deadline=None,
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(session_programs())
    def check(source):
        try:
            ast.parse(source)
        except SyntaxError:
            return
        lines = source.splitlines(keepends=True)
        result = lint_lines(target, Options(), lines)
        assert result.warning is None, result.warning
        json_format(items([result]))
        sarif(items([result]), [])
        fixed, _, _ = fix_lines(target, Options(), lines, unsafe=True)
        ast.parse("".join(fixed))

    check()
