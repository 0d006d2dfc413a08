"""Output formats, shaped like Ruff's (``ruff check --output-format``).

Text formats (``concise``, ``full``, ``pylint``) print flake8's columns: ``col_offset + 1``, which
counts UTF-8 bytes (the same as characters on ASCII lines), so ``concise`` lines are exactly
flake8's. Machine formats (``json``, ``json-lines``, ``sarif``, ``github``, ``gitlab``, ``junit``)
carry ranges in characters, as Ruff's do. Machine formats write nothing but their payload.
"""
from __future__ import annotations

import hashlib
import json
import linecache
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from flake8_dbsession import __version__
from flake8_dbsession.catalog import REPOSITORY, RuleInfo, rule_info
from flake8_dbsession.cli.lint import FileResult
from flake8_dbsession.findings import Finding, char_index

TOOL = "flake8-dbsession"


def char_column(lines: list[str], row: int, col: int) -> int:
    """A 0-based UTF-8 byte offset on ``row`` as a 1-based character column."""
    return char_index(lines[row - 1] if 0 < row <= len(lines) else "", col) + 1


@dataclass(frozen=True)
class Item:
    """One finding with what every format needs."""

    display: str
    path: str
    finding: Finding
    lines: list[str]
    noqa_row: int

    @property
    def rule(self) -> RuleInfo:
        return rule_info(self.finding.code) or RuleInfo(self.finding.code, self.finding.code.lower(), "")

    def source(self, row: int) -> str:
        return self.lines[row - 1].rstrip("\r\n") if 0 < row <= len(self.lines) else ""

    def column(self, row: int, col: int) -> int:
        return char_column(self.lines, row, col)

    @property
    def start(self) -> tuple[int, int]:
        return self.finding.line, self.column(self.finding.line, self.finding.col)

    @property
    def end(self) -> tuple[int, int]:
        f = self.finding
        if not f.end_line:
            return self.start
        return f.end_line, self.column(f.end_line, f.end_col)

    @property
    def flake8_col(self) -> int:
        return self.finding.col + 1


def related_steps(item: Item) -> list[tuple[str, int, int, str]]:
    """(path as shown, 1-based line, 1-based character column, note) per related location of a
    finding: steps in the linted file keep its display name, other files are shown relative to the
    working directory when they are under it."""
    out = []
    for step in item.finding.related:
        same = os.path.abspath(step.path) == os.path.abspath(item.path)
        if same:
            shown, lines = item.display, item.lines
        else:
            shown = _shown_path(step.path)
            lines = [linecache.getline(step.path, step.line)] if step.line > 0 else []
            lines = [""] * (step.line - 1) + lines
        out.append((shown, step.line, char_column(lines, step.line, step.col), step.note))
    return out


def _shown_path(path: str) -> str:
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive
        return absolute
    return absolute if relative.startswith("..") else relative


def items(results: list[FileResult]) -> list[Item]:
    return [Item(r.display, r.path, f, r.lines, row)
            for r in results for f, row in zip(r.findings, r.noqa_rows)]


def summary(count: int, fixed: int = 0) -> str:
    if not count and not fixed:
        return "All checks passed!"
    total = count + fixed
    text = f"Found {total} error{'s' if total != 1 else ''}."
    return text[:-1] + f" ({fixed} fixed, {count} remaining)." if fixed else text


def fix_hints(found: list[Item]) -> str:
    """Ruff's lines under the summary: how many findings ``--fix`` (or ``--unsafe-fixes``) repairs."""
    safe = sum(1 for i in found if i.finding.fix is not None and i.finding.fix.safe)
    unsafe = sum(1 for i in found if i.finding.fix is not None and not i.finding.fix.safe)
    out = f"[*] {safe} fixable with the `--fix` option.\n" if safe else ""
    if unsafe:
        out += f"({unsafe} hidden fix{'es' if unsafe != 1 else ''} can be enabled with the `--unsafe-fixes` option)\n"
    return out


# ---------------------------------------------------------------------------------------- text
def concise(found: list[Item]) -> str:
    return "".join(f"{i.display}:{i.finding.line}:{i.flake8_col}: {i.finding.text}\n" for i in found)


def full(found: list[Item]) -> str:
    """The finding, then its source with two lines of context and a caret under the range."""
    out = []
    for item in found:
        f = item.finding
        first, last = max(1, f.line - 2), min(len(item.lines), f.line + 2)
        width = len(str(last))
        gutter = " " * (width + 1) + "|"
        out.append(f"{f.code} {f.message}")
        out.append(f"{' ' * width}--> {item.display}:{f.line}:{item.flake8_col}")
        out.append(gutter)
        for row in range(first, last + 1):
            out.append(f"{row:>{width}} | {item.source(row)}".rstrip())
            if row == f.line:
                text = item.source(row)
                start = item.column(row, f.col) - 1
                stop = item.column(row, f.end_col) - 1 if f.end_line == f.line else len(text)
                out.append(f"{gutter} {' ' * start}{'^' * max(1, stop - start)}")
        out.append(gutter)
        out.append("")
    return "".join(line + "\n" for line in out)


def pylint(found: list[Item]) -> str:
    return "".join(f"{i.display}:{i.finding.line}: [{i.finding.code}] {i.finding.message}\n" for i in found)


# ------------------------------------------------------------------------------------- machine
def _fix_record(item: Item) -> dict | None:
    fix = item.finding.fix
    if fix is None:
        return None
    return {"applicability": "safe" if fix.safe else "unsafe", "message": fix.title,
            "edits": [{"content": e.text,
                       "location": {"row": e.line, "column": char_column(item.lines, e.line, e.col)},
                       "end_location": {"row": e.end_line, "column": char_column(item.lines, e.end_line, e.end_col)}}
                      for e in fix.edits]}


def _record(item: Item) -> dict:
    (row, col), (end_row, end_col) = item.start, item.end
    return {
        "cell": None,
        "code": item.finding.code,
        "end_location": {"column": end_col, "row": end_row},
        "filename": item.path,
        "fix": _fix_record(item),
        "location": {"column": col, "row": row},
        "message": item.finding.message,
        "name": item.rule.name,
        "noqa_row": item.noqa_row,
        "related": [{"filename": path, "location": {"column": col, "row": row}, "message": note}
                    for path, row, col, note in related_steps(item)],
        "severity": "error",
        "url": item.rule.url,
    }


def json_format(found: list[Item]) -> str:
    return json.dumps([_record(i) for i in found], indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def json_lines(found: list[Item]) -> str:
    return "".join(json.dumps(_record(i), sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
                   for i in found)


def sarif(found: list[Item], enabled: list[RuleInfo]) -> str:
    """SARIF 2.1.0: one ``rules`` entry per enabled code (GitHub code scanning shows their help)."""
    rules = sorted({r.code: r for r in enabled + [i.rule for i in found]}.values(), key=lambda r: r.code)
    index = {rule.code: n for n, rule in enumerate(rules)}
    results = []
    for item in found:
        (row, col), (end_row, end_col) = item.start, item.end
        results.append({
            "level": "error",
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": Path(item.path).as_uri()},
                "region": {"startLine": row, "startColumn": col, "endLine": end_row, "endColumn": end_col},
            }}],
            "message": {"text": item.finding.message},
            **({"relatedLocations": [{
                "id": n,
                "physicalLocation": {"artifactLocation": {"uri": Path(path).resolve().as_uri()},
                                     "region": {"startLine": row, "startColumn": col}},
                "message": {"text": note},
            } for n, (path, row, col, note) in enumerate(related_steps(item))]} if item.finding.related else {}),
            "ruleId": item.finding.code,
            "ruleIndex": index[item.finding.code],
        })
    descriptors = [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc(), "markdown": rule.doc()},
        "help": {"text": f"{rule.summary}. See {rule.url}", "markdown": f"{rule.summary}. [{rule.code}]({rule.url})"},
        "helpUri": rule.url,
        "defaultConfiguration": {"enabled": True, "level": "error"},
        "properties": {"id": rule.code, "name": rule.name, "problem.severity": "error", "tags": ["sqlalchemy"]},
    } for rule in rules]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL, "informationUri": REPOSITORY, "version": __version__,
                                "rules": descriptors}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(found: list[Item]) -> str:
    """GitHub Actions workflow commands; ``col``/``endColumn`` only for one-line ranges, as GitHub
    requires."""
    out = []
    for item in found:
        (row, col), (end_row, end_col) = item.start, item.end
        where = f"line={row},col={col},endLine={end_row},endColumn={end_col}" if row == end_row \
            else f"line={row},endLine={end_row}"
        title = _escape_property(f"{TOOL} ({item.finding.code})")
        text = _escape_data(f"{item.display}:{item.finding.line}:{item.flake8_col}: {item.finding.text}")
        out.append(f"::error title={title},file={_escape_property(item.path)},{where}::{text}\n")
    return "".join(out)


def gitlab(found: list[Item]) -> str:
    """GitLab Code Quality. Fingerprints hash the code, the path and the stripped source line, so
    they survive edits elsewhere in the file; equal ones are told apart by a salt, in order."""
    base = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    used: set[str] = set()
    records = []
    for item in found:
        path = os.path.relpath(item.path, base).replace(os.sep, "/")
        (row, col), (end_row, end_col) = item.start, item.end
        salt = 0
        while True:
            digest = hashlib.sha256("\0".join((item.finding.code, path, item.source(row).strip(), str(salt)))
                                    .encode("utf-8")).hexdigest()[:16]
            if digest not in used:
                break
            salt += 1
        used.add(digest)
        records.append({
            "check_name": item.finding.code,
            "description": f"{item.finding.code}: {item.finding.message}",
            "severity": "major",
            "fingerprint": digest,
            "location": {"path": path, "positions": {"begin": {"line": row, "column": col},
                                                     "end": {"line": end_row, "column": end_col}}},
        })
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def junit(found: list[Item], linted: list[str]) -> str:
    """One ``testsuite`` per file with findings, one failing ``testcase`` per finding."""
    by_file: dict[str, list[Item]] = {}
    for item in found:
        by_file.setdefault(item.path, []).append(item)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    if not found:
        out += [f'<testsuites name="{TOOL}" tests="1" skipped="0" failures="0" errors="0">',
                f'    <testsuite name="{TOOL}" tests="1" skipped="0" errors="0" failures="0" package="org.{TOOL}">',
                f'        <testcase name="No errors found" classname="{TOOL}"/>',
                "    </testsuite>", "</testsuites>"]
        return "\n".join(out) + "\n"
    out.append(f'<testsuites name="{TOOL}" tests="{len(found)}" skipped="0" failures="{len(found)}" errors="0">')
    for path, group in by_file.items():
        out.append(f"    <testsuite name={quoteattr(path)} tests=\"{len(group)}\" skipped=\"0\" errors=\"0\" "
                   f"failures=\"{len(group)}\" package=\"org.{TOOL}\">")
        for item in group:
            f = item.finding
            row, col = item.start
            out.append(f"        <testcase name={quoteattr(f'org.{TOOL}.{f.code}')} "
                       f"classname={quoteattr(os.path.splitext(path)[0])} line=\"{row}\" column=\"{col}\">")
            out.append(f"            <failure message={quoteattr(f.message)}>"
                       f"{escape(f'line {row}, col {col}, {f.message}')}</failure>")
            out.append("        </testcase>")
        out.append("    </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def statistics(found: list[Item], as_json: bool) -> str:
    """Counts per code, most frequent first (Ruff's ``--statistics``)."""
    counts: dict[str, int] = {}
    for item in found:
        counts[item.finding.code] = counts.get(item.finding.code, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    names = {item.finding.code: item.rule.name for item in found}
    if as_json:
        return json.dumps([{"code": code, "name": names[code], "count": n, "fixable": False, "fixable_count": 0}
                           for code, n in ordered], indent=2) + "\n"
    if not ordered:
        return ""
    width = max(len(str(n)) for _, n in ordered)
    code_width = max(len(code) for code, _ in ordered)
    return "".join(f"{n:>{width}}\t{code:<{code_width}}\t{names[code]}\n" for code, n in ordered)


MACHINE = {"json", "json-lines", "sarif", "github", "gitlab", "junit"}
SIMPLE: dict[str, Callable[[list[Item]], str]] = {
    "concise": concise, "full": full, "pylint": pylint, "json": json_format, "json-lines": json_lines,
    "github": github, "gitlab": gitlab,
}
