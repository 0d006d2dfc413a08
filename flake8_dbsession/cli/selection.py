"""Which codes a file reports: ``select`` / ``ignore`` / ``extend-select`` layers and
``per-file-ignores``.

A selector is a code or a prefix of codes (``DBS``, ``DBS01``, ``DBS014``). Layers apply in order:
the defaults (every ``DBS`` code), the configuration file, the command line. In a layer, ``select``
replaces what was enabled, ``extend-select`` adds, ``ignore`` removes; when a code matches both a
selector and an ignore of the same layer, the longer (more specific) one wins and an ignore wins a
tie, as in Ruff and flake8.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache

from flake8_dbsession.rules import REGISTRY

ALL_CODES = tuple(sorted(REGISTRY))
_SELECTOR = re.compile(r"^[A-Z]+[0-9]*$")


class SelectionError(ValueError):
    """A selector that names no code; the text is one line."""


def check_selectors(selectors: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The selectors, or SelectionError naming the first one that selects nothing."""
    for selector in selectors:
        if selector == "ALL":
            continue
        if not _SELECTOR.match(selector) or not any(code.startswith(selector) for code in ALL_CODES):
            raise SelectionError(f"unknown rule selector '{selector}' in {where} "
                                 f"(codes are {ALL_CODES[0]} to {ALL_CODES[-1]}, prefixes such as DBS01 or DBS)")
    return selectors


def dbs_selectors(selectors: tuple[str, ...]) -> tuple[str, ...]:
    """The entries of a flake8 ``select``/``ignore`` list that name this linter's codes: the others
    belong to other plugins. (``D`` is pydocstyle's, although flake8 reads it as a prefix of DBS.)"""
    return tuple(s for s in selectors if s == "ALL" or s.startswith("DBS") and _SELECTOR.match(s))


def _specificity(code: str, selectors: tuple[str, ...]) -> int:
    """Length of the longest selector matching ``code`` (0 when none does)."""
    return max((len(s) if s != "ALL" else 0.5 for s in selectors if s == "ALL" or code.startswith(s)), default=0)


@dataclass(frozen=True)
class Layer:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def apply(self, enabled: frozenset[str]) -> frozenset[str]:
        if self.select is not None:
            enabled = frozenset(c for c in ALL_CODES if _specificity(c, self.select))
        chosen = (self.select or ()) + self.extend_select
        enabled |= {c for c in ALL_CODES if _specificity(c, self.extend_select)}
        return frozenset(c for c in enabled if _specificity(c, chosen) > _specificity(c, self.ignore)
                         or not _specificity(c, self.ignore))


@lru_cache(maxsize=256)
def enabled_codes(*layers: Layer) -> frozenset[str]:
    enabled = frozenset(ALL_CODES)
    for layer in layers:
        enabled = layer.apply(enabled)
    return enabled


@dataclass(frozen=True)
class PerFileIgnore:
    """``"tests/*" = ["DBS016"]``: a glob (``!`` negates) relative to ``base`` and its codes."""

    pattern: str
    codes: tuple[str, ...]
    base: str  # the folder of the configuration that declares it, or the working directory

    def applies_to(self, abspath: str) -> bool:
        negated = self.pattern.startswith("!")
        pattern = self.pattern[1:] if negated else self.pattern
        full = pattern if os.path.isabs(pattern) else os.path.join(self.base, pattern)
        matched = fnmatchcase(os.path.basename(abspath), pattern) or fnmatchcase(abspath, os.path.normpath(full))
        return matched != negated


def parse_per_file_ignores(text: str, base: str, where: str) -> tuple[PerFileIgnore, ...]:
    """flake8's form: ``tests/*:DBS016 scripts/*.py:DBS005,DBS009`` (whitespace or newlines between
    entries, commas or spaces between the codes of one)."""
    entries: list[PerFileIgnore] = []
    pattern: str | None = None
    codes: list[str] = []
    for token in re.split(r"[\s,]+", text.strip()):
        if not token:
            continue
        if ":" in token:
            if pattern is not None:
                entries.append(PerFileIgnore(pattern, tuple(codes), base))
            pattern, _, rest = token.rpartition(":")
            codes = [rest] if rest else []
        elif pattern is None:
            raise SelectionError(f"{where}: expected 'glob:CODES', got {token!r}")
        else:
            codes.append(token)
    if pattern is not None:
        entries.append(PerFileIgnore(pattern, tuple(codes), base))
    return tuple(entries)
