# From Arize-ai/phoenix, src/phoenix/server/sandbox/__init__.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
import logging
from typing import Any, Optional

logger = logging.getLogger(__name__)


class SandboxBackend:
    async def execute(self, source_code: str, context: Any, language: str) -> Any:
        raise NotImplementedError


_BACKEND_CACHE: dict[str, SandboxBackend] = {}
_SANDBOX_ADAPTERS: dict[str, Any] = {}


def get_or_create_backend(backend_type: str) -> Optional[SandboxBackend]:
    """
    Return a cached SandboxBackend for backend_type, creating it if needed.
    """
    if backend_type in _BACKEND_CACHE:
        return _BACKEND_CACHE[backend_type]

    adapter = _SANDBOX_ADAPTERS.get(backend_type)
    if adapter is None:
        logger.debug(
            f"No adapter registered for backend_type={backend_type!r}; "
            "optional dependency may not be installed"
        )
        return None

    try:
        backend = adapter.build_backend({})
        _BACKEND_CACHE[backend_type] = backend
        return backend
    except Exception as exc:
        logger.warning(f"Failed to create sandbox backend for {backend_type!r}: {exc}")
        return None
