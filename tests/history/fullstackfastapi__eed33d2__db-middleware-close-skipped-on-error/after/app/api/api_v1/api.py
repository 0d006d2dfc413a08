# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/api/api_v1/api.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from fastapi import APIRouter

from app.api.api_v1.endpoints import items

api_router = APIRouter()
api_router.include_router(items.router, prefix="/items", tags=["items"])
