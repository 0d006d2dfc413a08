"""Which files a run lints: the paths given, walked in sorted order, minus excluded and ignored ones.

- ``exclude`` (default: Ruff's list, see config.py) and ``extend-exclude``: a pattern without ``/``
  matches a file or folder name at any depth (``tests``, ``*_pb2.py``); a pattern with ``/`` is a
  glob relative to the configuration's folder (``app/migrations/*``). Excluded folders are not entered.
- ``respect-gitignore``: inside a git work tree, ``.gitignore`` files (each relative to its folder,
  deeper ones winning) and ``.git/info/exclude``; ``.ignore`` files everywhere, as Ruff does.
  Matching uses ``pathspec``'s git semantics; a folder that is ignored is not entered, so a file
  under it cannot be re-included (git's rule).
- A file named on the command line is linted even when excluded, unless ``--force-exclude``
  (pre-commit names files, so its hook passes it). Symbolic links to folders are not followed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Callable, Iterator

import pathspec

from flake8_dbsession.cli.config import DEFAULT_EXCLUDE, Config


@dataclass(frozen=True)
class Target:
    display: str  # the path as printed
    path: str  # absolute
    config: Config


def excluded(path: str, config: Config, cli_exclude: tuple[str, ...] | None = None,
             cli_extend: tuple[str, ...] = (), cwd: str = "") -> bool:
    """Is ``path`` (absolute, file or folder) excluded by the configuration or the command line?"""
    name = os.path.basename(path)
    if cli_exclude is not None:
        patterns = [(p, cwd) for p in cli_exclude]
    else:
        patterns = [(p, config.root) for p in (DEFAULT_EXCLUDE if config.exclude is None else config.exclude)]
    patterns += [(p, config.root) for p in config.extend_exclude] + [(p, cwd) for p in cli_extend]
    for pattern, base in patterns:
        pattern = pattern.rstrip("/")
        if not pattern:
            continue
        if "/" not in pattern:
            if fnmatchcase(name, pattern):
                return True
        elif fnmatchcase(path, os.path.normpath(os.path.join(base, pattern))):
            return True
    return False


class IgnoreFiles:
    """``.gitignore`` / ``.ignore`` / ``.git/info/exclude`` specs, read once per folder."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.PathSpec | None] = {}
        self._git_roots: dict[str, str | None] = {}

    def git_root(self, folder: str) -> str | None:
        if folder not in self._git_roots:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                self._git_roots[folder] = folder
            else:
                self._git_roots[folder] = None if parent == folder else self.git_root(parent)
        return self._git_roots[folder]

    def _spec(self, path: str) -> pathspec.PathSpec | None:
        if path not in self._specs:
            spec = None
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    spec = pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
            except OSError:
                pass
            self._specs[path] = spec
        return self._specs[path]

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Does the deepest ignore file with an opinion on ``path`` exclude it?"""
        folder = os.path.dirname(path)
        git_root = self.git_root(folder)
        sources: list[tuple[str, str]] = []  # (ignore file, the folder its patterns are relative to)
        current = folder
        while True:
            sources.append((os.path.join(current, ".ignore"), current))
            if git_root is not None:
                sources.append((os.path.join(current, ".gitignore"), current))
            if current == git_root or os.path.dirname(current) == current:
                break
            current = os.path.dirname(current)
        if git_root is not None:
            sources.append((os.path.join(git_root, ".git", "info", "exclude"), git_root))
        for ignore_file, base in sources:  # deepest first
            spec = self._spec(ignore_file) if os.path.isfile(ignore_file) else None
            if spec is None:
                continue
            relative = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            decision = None
            for pattern in spec.patterns:
                if pattern.include is not None and pattern.match_file(relative) is not None:
                    decision = pattern.include
            if decision is not None:
                return decision
        return False


def collect(paths: list[str], config_for: Callable[[str], Config], *, cwd: str,
            cli_exclude: tuple[str, ...] | None, cli_extend: tuple[str, ...], force_exclude: bool,
            respect_gitignore: bool | None, warn: Callable[[str], None]) -> list[Target]:
    """The files to lint under ``paths``, each once, in a stable order."""
    ignores = IgnoreFiles()
    seen: set[str] = set()
    targets: list[Target] = []

    def skip(path: str, is_dir: bool, config: Config) -> bool:
        if excluded(path, config, cli_exclude, cli_extend, cwd):
            return True
        gitignore = config.respect_gitignore if respect_gitignore is None else respect_gitignore
        return gitignore and ignores.ignored(path, is_dir)

    def add(display: str, path: str, config: Config) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            targets.append(Target(os.path.normpath(display), path, config))

    def skip_here(path: str, is_dir: bool) -> bool:
        return skip(path, is_dir, config_for(path if is_dir else os.path.dirname(path)))

    for given in paths:
        path = os.path.abspath(os.path.join(cwd, given))
        if force_exclude and os.path.exists(path) and excluded_upward(path, skip_here, cwd):
            continue
        if os.path.isdir(path):
            for display, file_path, file_config in _walk(given, path, config_for, skip):
                add(display, file_path, file_config)
        elif os.path.isfile(path):
            add(given, path, config_for(os.path.dirname(path)))
        else:
            warn(f"{given}: no such file or directory")
    return sorted(targets, key=lambda t: t.display)


def excluded_upward(path: str, is_excluded: Callable[[str, bool], bool], top: str) -> bool:
    """Is ``path``, or a folder between it and ``top`` (not ``top`` itself), excluded? For a path
    named explicitly: with --force-exclude (``dist/m.py`` stays excluded), and in the editor."""
    current, is_dir = path, os.path.isdir(path)
    while True:
        if is_excluded(current, is_dir):
            return True
        parent = os.path.dirname(current)
        if parent == current or parent == top or not parent.startswith(top.rstrip(os.sep) + os.sep):
            return False
        current, is_dir = parent, True


def _walk(display_root: str, root: str, config_for, skip) -> Iterator[tuple[str, str, Config]]:
    stack = [(display_root, root)]
    while stack:
        display, folder = stack.pop()
        config = config_for(folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                if not skip(entry.path, True, config):
                    folders.append((os.path.join(display, entry.name), entry.path))
            elif is_file and entry.name.endswith(".py") and not skip(entry.path, False, config):
                yield os.path.join(display, entry.name), entry.path, config
        stack.extend(reversed(folders))
