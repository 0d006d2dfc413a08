# From polarsource/polar, server/polar/actions/__init__.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from polar.actions.organization import github_organization, organization

__all__ = [
    "organization",
    "github_organization",
]
