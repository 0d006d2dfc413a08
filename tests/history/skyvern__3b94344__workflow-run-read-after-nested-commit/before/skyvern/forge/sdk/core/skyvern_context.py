# From Skyvern-AI/skyvern, skyvern/forge/sdk/core/skyvern_context.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SkyvernContext:
    organization_id: str | None = None
    workflow_run_id: str | None = None
    log: list[dict[str, Any]] = field(default_factory=list)


_context: ContextVar[SkyvernContext | None] = ContextVar(
    "Global context",
    default=None,
)


def current() -> SkyvernContext | None:
    return _context.get()
