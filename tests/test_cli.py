"""The standalone command in process: configuration sources, selection, excludes, noqa, exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from flake8_dbsession.cli import noqa
from flake8_dbsession.cli.main import main

BUG = textwrap.dedent("""\
    from sqlalchemy.ext.asyncio import AsyncSession


    async def remove(db: AsyncSession, job) -> None:
        db.delete(job)
""")
LINE = "app/jobs.py:5:5: DBS005"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """tree({'app/jobs.py': BUG, ...}): writes the files, changes into the folder, returns it."""
    def make(files: dict[str, str]) -> Path:
        for rel, text in files.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text))
        monkeypatch.chdir(tmp_path)
        return tmp_path
    return make


def check(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(["check", "-j1", *args])
    out, err = capsys.readouterr()
    return rc, out, err


# ------------------------------------------------------------------------------- exit codes, summary
def test_findings_exit_1_with_summary(tree, capsys):
    tree({"app/jobs.py": BUG})
    rc, out, err = check(capsys)
    assert rc == 1 and err == ""
    assert out.splitlines()[0].startswith(LINE + " AsyncSession.delete() is a coroutine")
    assert out.splitlines()[-2:] == ["Found 1 error.", "[*] 1 fixable with the `--fix` option."]


def test_clean_exit_0(tree, capsys):
    tree({"app/jobs.py": BUG.replace("db.delete", "await db.delete")})
    assert check(capsys) == (0, "All checks passed!\n", "")


def test_exit_zero_quiet_and_statistics(tree, capsys):
    tree({"app/jobs.py": BUG, "app/more.py": BUG})
    rc, out, _ = check(capsys, "--exit-zero", "-q")
    assert rc == 0 and len(out.splitlines()) == 2 and "Found" not in out
    rc, out, _ = check(capsys, "--statistics")
    assert rc == 1 and out == ("2\tDBS005\tasync-call-not-awaited\nFound 2 errors.\n"
                               "[*] 2 fixable with the `--fix` option.\n")
    rc, out, _ = check(capsys, "--statistics", "--output-format", "json")
    assert json.loads(out) == [{"code": "DBS005", "name": "async-call-not-awaited", "count": 2,
                                "fixable": False, "fixable_count": 0}]


@pytest.mark.parametrize("args, message", [
    (["--select", "XYZ1"], "unknown rule selector 'XYZ1' in --select"),
    (["--ignore", "DBS999"], "unknown rule selector 'DBS999' in --ignore"),
    (["--output-format", "bogus"], "--output-format: invalid choice: 'bogus'"),
    (["--jobs", "0"], "--jobs: expected a positive number"),
    (["--per-file-ignores", "DBS005"], "expected 'glob:CODES'"),
    (["--config", "missing.toml"], "missing.toml: no such configuration file"),
    (["--nope"], "unrecognized arguments: --nope"),
])
def test_bad_usage_is_one_line_and_exit_2(tree, capsys, args, message):
    tree({"app/jobs.py": BUG})
    rc, out, err = check(capsys, *args)
    assert rc == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("flake8-dbsession: error: ") and message in err, err


def test_missing_path_warns_and_lints_the_rest(tree, capsys):
    tree({"app/jobs.py": BUG})
    rc, out, err = check(capsys, "nowhere.py", "app")
    assert rc == 1 and LINE in out
    assert err == "flake8-dbsession: warning: nowhere.py: no such file or directory\n"


def test_unparseable_file_warns_and_goes_on(tree, capsys):
    tree({"app/jobs.py": BUG, "app/broken.py": "from sqlalchemy.orm import Session\ndef f(:\n",
          "app/deep.py": "from sqlalchemy.orm import Session\nx = " + "+".join(["1"] * 20000) + "\n"})
    rc, out, err = check(capsys)
    assert rc == 1 and LINE in out
    lines = err.splitlines()
    assert any(line.startswith("flake8-dbsession: warning: app/broken.py: cannot parse") for line in lines), err
    assert "Traceback" not in err


# --------------------------------------------------------------------------------------- selection
@pytest.mark.parametrize("args, reported", [
    ([], True), (["--select", "DBS009"], False), (["--select", "DBS0"], True), (["--ignore", "DBS005"], False),
    (["--ignore", "DBS"], False), (["--ignore", "DBS", "--extend-select", "DBS005"], True),
    (["--select", "DBS009", "--extend-select", "DBS005"], True),
    (["--per-file-ignores", "app/*:DBS005"], False), (["--per-file-ignores", "jobs.py:DBS0"], False),
    (["--per-file-ignores", "!app/*:DBS005"], True), (["--per-file-ignores", "other/*:DBS005"], True),
])
def test_selection_flags(tree, capsys, args, reported):
    tree({"app/jobs.py": BUG})
    rc, out, _ = check(capsys, *args)
    assert (LINE in out) is reported and rc == (1 if reported else 0)


def test_pyproject_table_is_read_nearest_first(tree, capsys):
    tree({"app/jobs.py": BUG, "pyproject.toml": '[tool.flake8-dbsession]\nignore = ["DBS005"]\n',
          "sub/pyproject.toml": '[project]\nname = "sub"\n', "sub/jobs.py": BUG,
          "other/pyproject.toml": '[tool.flake8-dbsession]\nselect = ["DBS"]\n', "other/jobs.py": BUG})
    rc, out, _ = check(capsys, "-q")
    assert out == "other/jobs.py:5:5: DBS005" + out.split("DBS005", 1)[1]  # only other/ reports


def test_pyproject_settings_and_per_file_ignores(tree, capsys):
    source = BUG.replace("from sqlalchemy.ext.asyncio import AsyncSession\n", "from app.db import Factory\n") \
        .replace("db: AsyncSession, job", "job").replace("    db.delete(job)", "    db = Factory()\n    db.delete(job)")
    tree({"app/__init__.py": "", "app/jobs.py": source, "tests/test_jobs.py": source,
          "pyproject.toml": textwrap.dedent("""\
              [tool.flake8-dbsession]
              async-factories = ["app.db.Factory"]
              per-file-ignores = {"tests/*" = ["DBS005"]}
          """)})
    rc, out, _ = check(capsys, "-q", "--select", "DBS005")
    assert len(out.splitlines()) == 1 and out.startswith("app/jobs.py:6:5: DBS005"), out


def test_flake8_section_is_the_fallback_and_its_foreign_codes_are_skipped(tree, capsys):
    tree({"app/jobs.py": BUG, "setup.cfg": "[flake8]\nextend-ignore = D,E501\nmax-line-length = 100\n"})
    rc, out, _ = check(capsys, "-q")
    assert LINE in out, "pydocstyle's D is not a prefix of DBS here"
    tree({"setup.cfg": "[flake8]\nextend-ignore = DBS005\n"})
    assert check(capsys, "-q")[0] == 0
    tree({"setup.cfg": "[flake8]\nper-file-ignores =\n    app/*: DBS005 E501\n"})
    assert check(capsys, "-q")[0] == 0


def test_config_flag_uses_one_file_for_everything(tree, capsys):
    tree({"app/jobs.py": BUG, "app/pyproject.toml": '[tool.flake8-dbsession]\nselect = ["DBS"]\n',
          "lint.toml": 'ignore = ["DBS005"]\n'})
    assert check(capsys, "--config", "lint.toml")[0] == 0
    assert check(capsys, "--isolated")[0] == 1


@pytest.mark.parametrize("table, message", [
    ('selectt = ["DBS"]', "unknown key 'selectt'"),
    ('select = "DBS"', "select: expected a list of strings, got 'DBS'"),
    ('select = ["XYZ"]', "unknown rule selector 'XYZ'"),
    ('async-factories = ["not a name"]', "'not a name' is not a Python name"),
    ('respect-gitignore = "yes"', "respect-gitignore: expected true or false"),
    ('output-format = "xml"', "output-format: expected one of"),
    ('project-root = "nowhere"', "dbs-project-root: 'nowhere' is not a directory"),
    ('per-file-ignores = ["x"]', "per-file-ignores: expected a table"),
    ('select = [', "pyproject.toml: "),
])
def test_bad_configuration_is_one_line_naming_the_key(tree, capsys, table, message):
    tree({"app/jobs.py": BUG, "pyproject.toml": f"[tool.flake8-dbsession]\n{table}\n"})
    rc, out, err = check(capsys)
    assert rc == 2 and out == "" and err.count("\n") == 1 and message in err, err


def test_a_broken_pyproject_without_our_table_is_not_our_business(tree, capsys):
    tree({"app/jobs.py": BUG, "pyproject.toml": "[project\nname = 1\n"})
    assert check(capsys)[0] == 1


def test_output_format_from_the_config(tree, capsys):
    tree({"app/jobs.py": BUG, "pyproject.toml": '[tool.flake8-dbsession]\noutput-format = "pylint"\n'})
    rc, out, _ = check(capsys)
    assert out.startswith("app/jobs.py:5: [DBS005] ")


# ----------------------------------------------------------------------------------- files, excludes
def test_default_excludes_and_explicit_files(tree, capsys):
    tree({"app/jobs.py": BUG, "build/jobs.py": BUG, ".venv/lib/jobs.py": BUG, "sub/dist/jobs.py": BUG,
          "node_modules/x/jobs.py": BUG})
    rc, out, _ = check(capsys, "-q")
    assert out.splitlines() == [line for line in out.splitlines() if line.startswith("app/")] and out
    rc, out, _ = check(capsys, "-q", "build/jobs.py")
    assert out.startswith("build/jobs.py:5:5: DBS005"), "a file named explicitly is linted"
    assert check(capsys, "-q", "--force-exclude", "build/jobs.py")[1] == ""
    assert check(capsys, "-q", "--force-exclude", "sub/dist/jobs.py")[1] == ""


def test_exclude_patterns(tree, capsys):
    tree({"app/jobs.py": BUG, "app/tests/test_x.py": BUG, "tests/test_y.py": BUG, "gen/g_pb2.py": BUG})
    out = check(capsys, "-q", "--extend-exclude", "tests,*_pb2.py")[1]
    assert [line.split(":")[0] for line in out.splitlines()] == ["app/jobs.py"]
    out = check(capsys, "-q", "--extend-exclude", "app/tests")[1]
    assert [line.split(":")[0] for line in out.splitlines()] == ["app/jobs.py", "gen/g_pb2.py", "tests/test_y.py"]
    out = check(capsys, "-q", "--exclude", "gen")[1]
    assert "gen/" not in out and "app/jobs.py" in out


def test_gitignore_only_inside_a_git_work_tree(tree, capsys):
    root = tree({"app/jobs.py": BUG, "gen/keep.py": BUG, "gen/other.py": BUG, "also.py": BUG,
                 ".gitignore": "gen/\n!gen/keep.py\n", ".ignore": "also.py\n"})
    files = lambda out: sorted({line.split(":")[0] for line in out.splitlines()})  # noqa: E731
    assert files(check(capsys, "-q")[1]) == ["app/jobs.py", "gen/keep.py", "gen/other.py"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert files(check(capsys, "-q")[1]) == ["app/jobs.py"], "git cannot re-include under an ignored folder"
    assert files(check(capsys, "-q", "--no-respect-gitignore")[1]) == [
        "also.py", "app/jobs.py", "gen/keep.py", "gen/other.py"]
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("app/\n")
    assert check(capsys, "-q")[0] == 0
    (root / "app" / ".gitignore").write_text("*.py\n")
    assert check(capsys, "-q", "app/jobs.py")[0] == 1, "an explicit file is linted"


def test_symlink_loop_and_no_python_files(tree, capsys):
    root = tree({"app/jobs.py": BUG})
    os.symlink(root / "app", root / "app" / "loop")
    rc, out, _ = check(capsys, "-q")
    assert out.splitlines() == [out.splitlines()[0]]
    tree({"docs/readme.txt": "x"})
    rc, out, err = check(capsys, "docs")
    assert rc == 0 and "No Python files found" in err


# ---------------------------------------------------------------------------------------------- noqa
def test_noqa_regexes_are_flake8s():
    from flake8 import defaults
    assert noqa.NOQA_INLINE.pattern == defaults.NOQA_INLINE_REGEXP.pattern
    assert noqa.NOQA_INLINE.flags == defaults.NOQA_INLINE_REGEXP.flags
    assert noqa.NOQA_FILE.pattern == defaults.NOQA_FILE.pattern


@pytest.mark.parametrize("comment, silenced", [
    ("# noqa", True), ("# noqa: DBS005", True), ("# noqa:DBS005", True), ("# noqa:DBS005,DBS006", True),
    ("# noqa: DBS006, DBS005", True), ("# NOQA: DBS005", True), ("# noqa: DBS", True), ("# noqa: DBS0", True),
    ("# noqa: DBS006", False), ("# noqa: E501", False), ("#noqa: DBS005", False), ("#noqa", False),
    ("# noqa DBS006", True), ("# noqa : DBS006", True), ("# noqa:  DBS006", True),
    ("# some text noqa: DBS005", False), ("# noqa: DBS005 because reasons", True),
])
def test_inline_noqa_as_flake8(tree, capsys, comment, silenced):
    tree({"app/jobs.py": BUG.replace("db.delete(job)", f"db.delete(job)  {comment}")})
    assert (check(capsys, "-q")[0] == 0) is silenced


@pytest.mark.parametrize("header, silenced", [
    ("# flake8: noqa", True), ("# flake8: noqa: DBS006", True), ("# flake8=noqa", True), ("# ruff: noqa", True),
    ("# ruff: noqa: DBS005", True), ("# ruff: noqa: DBS006", False), ("x = 1  # flake8: noqa", False),
])
def test_file_level_noqa(tree, capsys, header, silenced):
    tree({"app/jobs.py": header + "\n" + BUG})
    assert (check(capsys, "-q")[0] == 0) is silenced


def test_noqa_on_a_multiline_string_covers_its_lines(tree, capsys):
    source = BUG.replace("    db.delete(job)", '    db.delete(job), """\n    text\n    """  # noqa: DBS005')
    tree({"app/jobs.py": source})
    assert check(capsys, "-q")[0] == 0


# --------------------------------------------------------------------------------------------- stdin
def test_stdin_with_a_filename_uses_that_files_config(tree, capsys, monkeypatch):
    import io
    import sys
    root = tree({"app/__init__.py": "", "app/db.py": "from sqlalchemy.ext.asyncio import async_sessionmaker\n"
                 "Factory = async_sessionmaker()\n",
                 "pyproject.toml": '[tool.flake8-dbsession]\nselect = ["DBS005"]\n'})
    source = ("from app.db import Factory\n\n\nasync def f(job):\n"
              "    async with Factory() as s:\n        s.delete(job)\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.encode())))
    rc, out, _ = check(capsys, "-q", "--stdin-filename", "app/routes.py", "-")
    assert rc == 1 and out.startswith("app/routes.py:6:9: DBS005"), out
    assert not (root / "app" / "routes.py").exists()


def test_rule_command(capsys):
    assert main(["rule", "DBS005"]) == 0
    assert capsys.readouterr().out.startswith("# DBS005: async-call-not-awaited\n")
    assert main(["rule", "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 20 and out[4].split()[:2] == ["DBS005", "async-call-not-awaited"]
    assert main(["rule", "DBS999"]) == 2
    assert "unknown code 'DBS999'" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini", ".flake8"])
def test_each_flake8_config_file_is_a_source(tree, capsys, name):
    tree({"app/jobs.py": BUG, name: "[flake8]\nselect = DBS009\n"})
    assert check(capsys, "-q")[0] == 0
    assert check(capsys, "-q", "--isolated")[0] == 1


@pytest.mark.parametrize("name, text", [
    ("pyproject.toml", '[tool.flake8-dbsession]\nignore = ["DBS005"]\n'),
    ("lint.cfg", "[flake8]\nignore = DBS005\n"),
])
def test_config_flag_reads_pyproject_and_ini_files(tree, capsys, name, text):
    tree({"app/jobs.py": BUG, "conf/" + name: text})
    assert check(capsys, "-q")[0] == 1
    assert check(capsys, "-q", "--config", "conf/" + name)[0] == 0


def test_config_excludes_are_relative_to_the_config_and_gitignore_can_be_off(tree, capsys):
    root = tree({"app/jobs.py": BUG, "app/gen/jobs.py": BUG, "ignored.py": BUG, ".gitignore": "ignored.py\n",
                 "pyproject.toml": '[tool.flake8-dbsession]\nextend-exclude = ["app/gen"]\n'
                                   'respect-gitignore = false\n'})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    out = check(capsys, "-q")[1]
    assert sorted({line.split(":")[0] for line in out.splitlines()}) == ["app/jobs.py", "ignored.py"]


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    from flake8_dbsession import __version__
    assert capsys.readouterr().out == f"flake8-dbsession {__version__}\n"


def test_no_command_is_bad_usage(capsys):
    assert main([]) == 2
    assert "a command is required" in capsys.readouterr().err


def test_an_internal_error_skips_the_file_with_a_warning(tree, capsys, monkeypatch):
    import flake8_dbsession.cli.lint as lint

    def broken(tree_, path, *args, **kwargs):
        if path.endswith("bad.py"):
            raise KeyError("boom")
        return real(tree_, path, *args, **kwargs)
    real = lint.analyze
    monkeypatch.setattr(lint, "analyze", broken)
    tree({"app/jobs.py": BUG, "app/bad.py": BUG})
    rc, out, err = check(capsys, "-q")
    assert rc == 1 and out.startswith(LINE)
    assert err == ("flake8-dbsession: warning: app/bad.py: internal error, file skipped (KeyError: 'boom'); "
                   "please report it\n")
