"""The rule catalog as users read it: each code's name, summary, documentation page and its URL.

The pages live in ``rule_docs/`` inside the package, so ``flake8-dbsession rule DBS005`` and the
machine output formats (``url``, SARIF ``helpUri``) work from an installed wheel.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from flake8_dbsession.rules import REGISTRY

REPOSITORY = "https://github.com/flake8-dbsession/flake8-dbsession"
DOCS_URL = REPOSITORY + "/blob/main/flake8_dbsession/rule_docs/{code}.md"


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    summary: str

    @property
    def url(self) -> str:
        return DOCS_URL.format(code=self.code)

    def doc(self) -> str:
        """The rule's documentation page (Markdown)."""
        return resources.files("flake8_dbsession").joinpath("rule_docs", f"{self.code}.md").read_text("utf-8")


def rule_info(code: str) -> RuleInfo | None:
    cls = REGISTRY.get(code)
    return RuleInfo(code, cls.name, cls.summary) if cls is not None else None


def all_rules() -> list[RuleInfo]:
    return [RuleInfo(code, cls.name, cls.summary) for code, cls in sorted(REGISTRY.items())]
