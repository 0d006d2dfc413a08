# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/api/deps.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from typing import Generator

from app.db.session import SessionLocal


def get_db() -> Generator:
    try:
        db = SessionLocal()
        yield db
    finally:
        db.close()
