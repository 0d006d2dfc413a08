# From litestar-org/litestar-fullstack, src/server/app/utils/__init__.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
from app.utils import asyncer, serializers

__all__ = ["asyncer", "serializers"]
