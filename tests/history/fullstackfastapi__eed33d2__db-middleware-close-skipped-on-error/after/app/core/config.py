# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/core/config.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from typing import List

from pydantic import AnyHttpUrl, BaseSettings


class Settings(BaseSettings):

    API_V1_STR: str = "/api/v1"

    BACKEND_CORS_ORIGINS: List[AnyHttpUrl] = []

    PROJECT_NAME: str

    SQLALCHEMY_DATABASE_URI: str

    class Config:
        case_sensitive = True


settings = Settings()
