# From Agenta-AI/agenta, api/oss/src/core/shared/dtos.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from agenta.sdk.models.shared import (  # noqa: F401
    Metadata,
    Flags,
    Tags,
    Meta,
    #
    Lifecycle,
    Header,
    #
    Identifier,
    Version,
)
