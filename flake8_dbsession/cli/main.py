"""``flake8-dbsession``: ``check`` lints, ``rule`` explains. Exit codes as Ruff's: 0 no findings,
1 findings, 2 bad usage or configuration (one line on stderr)."""
from __future__ import annotations

import argparse
import difflib
import functools
import json
import os
import sys
from typing import NoReturn

from flake8_dbsession import __version__
from flake8_dbsession.catalog import all_rules, rule_info
from flake8_dbsession.cli import formats
from flake8_dbsession.cli.config import OUTPUT_FORMATS, Config, ConfigError, ConfigFinder, load_file
from flake8_dbsession.cli import fixing
from flake8_dbsession.cli.files import Target, collect
from flake8_dbsession.cli.lint import FileResult, Options, decode, default_jobs, lint_all, lint_target
from flake8_dbsession.cli.selection import (
    Layer, SelectionError, check_selectors, enabled_codes, parse_per_file_ignores)

PROG = "flake8-dbsession"


class UsageError(Exception):
    """Bad usage: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="SQLAlchemy session bugs, found without running your code.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="lint files and folders (default: .)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    check.add_argument("--stdin-filename", metavar="PATH", help="the path of the source read from standard input")
    check.add_argument("--config", metavar="FILE", help="use this file only (pyproject.toml, another TOML "
                                                        "file holding the table's keys, or an ini file with [flake8])")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument("--select", type=_codes, metavar="CODES", help="codes or prefixes to report (replaces)")
    check.add_argument("--extend-select", type=_codes, default=(), metavar="CODES", help="codes to add")
    check.add_argument("--ignore", type=_codes, default=(), metavar="CODES", help="codes or prefixes to drop")
    check.add_argument("--per-file-ignores", action="append", default=[], metavar="GLOB:CODES",
                       help="e.g. 'tests/*:DBS016,DBS020'; repeatable")
    check.add_argument("--exclude", type=_codes, metavar="PATTERNS", help="replaces the default excludes")
    check.add_argument("--extend-exclude", type=_codes, default=(), metavar="PATTERNS", help="more excludes")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply excludes to files named on the command line too (pre-commit)")
    gitignore = check.add_mutually_exclusive_group()
    gitignore.add_argument("--respect-gitignore", dest="respect_gitignore", action="store_true", default=None)
    gitignore.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false")
    check.add_argument("--output-format", choices=OUTPUT_FORMATS, metavar="FORMAT",
                       help=f"one of {', '.join(OUTPUT_FORMATS)} (default: concise)")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes (DBS005, DBS006, DBS007)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--statistics", action="store_true", help="counts per code instead of findings")
    check.add_argument("-q", "--quiet", action="store_true", help="findings only, no summary line")
    check.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                       help="worker processes (default: all cores)")

    commands.add_parser("server", help="run the language server on standard input and output")

    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", nargs="?", metavar="CODE")
    rule.add_argument("--all", action="store_true", help="list every rule: code, name, summary")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rule":
            return _rule(args)
        if args.command == "check":
            return _check(args)
        if args.command == "server":
            return _server()
        raise UsageError("a command is required: check, rule or server (see --help)")
    except (UsageError, ConfigError, SelectionError) as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # '| head': the reader has gone; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _server() -> int:
    try:
        from flake8_dbsession.lsp.server import serve
    except ImportError as exc:
        raise UsageError(f"the language server needs pygls ({exc}); install it with "
                         f"pip install 'flake8-dbsession[server]'") from None
    return serve()


def _rule(args: argparse.Namespace) -> int:
    if args.all:
        rules = all_rules()
        if args.output_format == "json":
            print(json.dumps([{"code": r.code, "name": r.name, "summary": r.summary, "url": r.url} for r in rules],
                             indent=2))
        else:
            width = max(len(r.name) for r in rules)
            for r in rules:
                print(f"{r.code}  {r.name:<{width}}  {r.summary}")
        return 0
    if not args.code:
        raise UsageError("rule: give a code (flake8-dbsession rule DBS005) or --all")
    info = rule_info(args.code.upper())
    if info is None:
        raise UsageError(f"rule: unknown code '{args.code}' (see flake8-dbsession rule --all)")
    if args.output_format == "json":
        print(json.dumps({"code": info.code, "name": info.name, "summary": info.summary, "url": info.url,
                          "explanation": info.doc()}, indent=2))
    else:
        sys.stdout.write(info.doc())
    return 0


def _options(args: argparse.Namespace, cwd: str) -> Options:
    for flag in ("select", "extend_select", "ignore"):
        value = getattr(args, flag)
        if value:
            check_selectors(value, f"--{flag.replace('_', '-')}")
    per_file = tuple(entry for text in args.per_file_ignores
                     for entry in parse_per_file_ignores(text, cwd, "--per-file-ignores"))
    for entry in per_file:
        check_selectors(entry.codes, "--per-file-ignores")
    return Options(Layer(args.select, args.extend_select, args.ignore), per_file)


def _check(args: argparse.Namespace) -> int:
    cwd = os.getcwd()
    options = _options(args, cwd)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs: expected a positive number, got {args.jobs}")
    if args.isolated and args.config:
        raise UsageError("--isolated and --config exclude each other")
    finder = ConfigFinder(cwd, Config(cwd) if args.isolated else load_file(args.config) if args.config else None)
    paths = args.paths or ["."]
    warnings: list[str] = []
    if args.fix and args.diff:
        raise UsageError("--fix and --diff exclude each other (--diff shows what --fix would write)")
    fixed = 0
    if "-" in paths:
        if len(paths) > 1:
            raise UsageError("'-' (standard input) cannot be combined with other paths")
        if args.fix or args.diff:
            return _fix_stdin(args, finder, options, cwd)
        results, configs = _check_stdin(args, finder, options, cwd)
    else:
        targets = collect(paths, finder.for_dir, cwd=cwd, cli_exclude=args.exclude, cli_extend=args.extend_exclude,
                          force_exclude=args.force_exclude, respect_gitignore=args.respect_gitignore,
                          warn=warnings.append)
        if not targets and not warnings:
            warnings.append("No Python files found under the given path(s)")
        configs = [t.config for t in targets] or [finder.for_dir(cwd)]
        jobs = args.jobs or default_jobs()
        if args.fix or args.diff:
            work = functools.partial(fixing.fix_target, unsafe=args.unsafe_fixes, write=args.fix)
            outcomes = lint_all(targets, options, jobs, work)
            if args.diff:
                return _report_diff(outcomes, warnings)
            results = [o.result for o in outcomes]
            fixed = sum(o.fixed for o in outcomes if o.written)
        else:
            results = lint_all(targets, options, jobs)
    warnings += [r.warning for r in results if r.warning]
    for warning in warnings:
        sys.stderr.write(f"{PROG}: warning: {warning}\n")
    output_format = args.output_format or next((c.output_format for c in configs if c.output_format), "concise")
    found = formats.items(results)
    sys.stdout.write(_render(found, output_format, args, configs, options, fixed))
    return 1 if found and not args.exit_zero else 0


def _report_diff(outcomes: list[fixing.FixResult], warnings: list[str]) -> int:
    """``--diff``: the unified diff of every file a fix would change on standard output; how many
    findings it would fix on standard error; exit 1 when there is something to fix."""
    warnings += [o.result.warning for o in outcomes if o.result.warning]
    for warning in warnings:
        sys.stderr.write(f"{PROG}: warning: {warning}\n")
    changed = [o for o in outcomes if o.changed]
    sys.stdout.write("".join(o.diff() for o in changed))
    count = sum(o.fixed for o in changed)
    if count:
        sys.stderr.write(f"Would fix {count} error{'s' if count != 1 else ''}.\n")
    return 1 if changed else 0


def _fix_stdin(args: argparse.Namespace, finder: ConfigFinder, options: Options, cwd: str) -> int:
    """Editors' fix-on-save: the fixed source on standard output (or the diff with --diff), the
    findings that remain on standard error."""
    display = args.stdin_filename or "-"
    target = _stdin_target(args, finder, cwd)
    lines = decode(sys.stdin.buffer.read())
    new, result, _ = fixing.fix_lines(target, options, lines, args.unsafe_fixes)
    if args.diff:
        sys.stdout.write("".join(difflib.unified_diff(lines, new, fromfile=display, tofile=display)))
    else:
        sys.stdout.write("".join(new))
    if result.warning:
        sys.stderr.write(f"{PROG}: warning: {result.warning}\n")
    sys.stderr.write(formats.concise(formats.items([result])))
    return 1 if (result.findings or (args.diff and new != lines)) and not args.exit_zero else 0


def _stdin_target(args: argparse.Namespace, finder: ConfigFinder, cwd: str) -> Target:
    """What standard input stands for: ``--stdin-filename`` (its folder's configuration and
    project apply), or ``-`` in the working directory."""
    display = os.path.normpath(args.stdin_filename) if args.stdin_filename else "-"
    path = os.path.abspath(os.path.join(cwd, display))
    return Target(display, path, finder.for_dir(os.path.dirname(path)))


def _check_stdin(args: argparse.Namespace, finder: ConfigFinder, options: Options,
                 cwd: str) -> tuple[list[FileResult], list[Config]]:
    target = _stdin_target(args, finder, cwd)
    data = sys.stdin.buffer.read()
    if args.stdin_filename and args.force_exclude and os.path.exists(target.path):
        kept = collect([args.stdin_filename], finder.for_dir, cwd=cwd, cli_exclude=args.exclude,
                       cli_extend=args.extend_exclude, force_exclude=True, respect_gitignore=args.respect_gitignore,
                       warn=lambda _: None)
        if not kept:
            return [], [target.config]
    return [lint_target(target, options, data)], [target.config]


def _render(found: list[formats.Item], output_format: str, args: argparse.Namespace, configs: list[Config],
            options: Options, fixed: int = 0) -> str:
    machine = output_format in formats.MACHINE
    if args.statistics:
        text = formats.statistics(found, output_format == "json")
        if output_format != "json" and not args.quiet:
            text += formats.summary(len(found), fixed) + "\n" + formats.fix_hints(found)
        return text
    if output_format == "sarif":
        codes = sorted(set().union(*(enabled_codes(c.layer, options.layer) for c in configs)))
        return formats.sarif(found, [rule_info(code) for code in codes])
    if output_format == "junit":
        return formats.junit(found, [])
    text = formats.SIMPLE[output_format](found)
    if not machine and output_format != "pylint" and not args.quiet:
        text += formats.summary(len(found), fixed) + "\n" + formats.fix_hints(found)
    return text


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
