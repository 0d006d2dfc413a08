# From fastapi/full-stack-fastapi-template, src/backend/app/app/crud/__init__.py (fix a66a9256dd2ae97cebc972c15668ccac5dd801d8; before/ is its parent), reduced.
from .crud_user import user

__all__ = ["user"]
