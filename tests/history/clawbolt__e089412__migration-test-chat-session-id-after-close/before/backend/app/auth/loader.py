# From mozilla-ai/clawbolt, backend/app/auth/loader.py (fix e089412d504ff2cca60ab8911c3e9d09ac88ae9a; before/ is its parent), reduced.
import importlib

from backend.app.config import settings
from backend.app.security.encryption import KEKProvider, LocalKEKProvider

_kek_provider: KEKProvider | None = None


def get_kek_provider() -> KEKProvider:
    """Return the active KEK provider."""
    global _kek_provider
    if _kek_provider is not None:
        return _kek_provider
    if settings.premium_plugin:
        module = importlib.import_module(settings.premium_plugin)
        if hasattr(module, "get_kek_provider"):
            plugin_provider = module.get_kek_provider()
            if plugin_provider is not None:
                _kek_provider = plugin_provider
                return _kek_provider
    _kek_provider = LocalKEKProvider()
    return _kek_provider


def reset_kek_provider() -> None:
    """Reset the cached KEK provider. Test-only."""
    global _kek_provider
    _kek_provider = None
