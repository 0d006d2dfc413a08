# From polarsource/polar, server/polar/config.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
import os
from enum import Enum

from pydantic import BaseSettings, PostgresDsn


class Environment(Enum):
    development = "development"
    testing = "testing"
    staging = "staging"
    production = "production"


class Settings(BaseSettings):
    ENV: Environment = Environment.development
    DEBUG: bool = False

    # Postgres
    POSTGRES_SCHEME: str = "postgresql+asyncpg"
    POSTGRES_USER: str = "polar"
    POSTGRES_PWD: str = "polar"
    POSTGRES_HOST: str = "0.0.0.0"
    POSTGRES_PORT: int = 5432
    POSTGRES_DATABASE: str = "polar_development"

    # Celery
    CELERY_BROKER_URL: str = "redis://127.0.0.1:6379"
    CELERY_BACKEND_URL: str = "redis://127.0.0.1:6379"
    # Once True (testing) all Celery tasks are run synchronously
    CELERY_TASK_ALWAYS_EAGER: bool = False

    class Config:
        env_prefix = "polar_"
        env_file_encoding = "utf-8"
        case_sensitive = False

    @property
    def postgres_dsn(self) -> PostgresDsn:
        dsn = self.__dict__.get("postgres_dsn")
        if dsn is None:
            dsn = self.build_postgres_dsn()
            self.__dict__["postgres_dsn"] = dsn
        return dsn

    def build_postgres_dsn(self) -> PostgresDsn:
        uri = PostgresDsn.build(
            scheme=self.POSTGRES_SCHEME,
            user=self.POSTGRES_USER,
            password=self.POSTGRES_PWD,
            host=self.POSTGRES_HOST,
            port=str(self.POSTGRES_PORT),
            path=f"/{self.POSTGRES_DATABASE}",
        )
        return PostgresDsn(uri, scheme=self.POSTGRES_SCHEME)  # type: ignore

    def is_environment(self, environment: Environment) -> bool:
        return self.ENV == environment

    def is_testing(self) -> bool:
        return self.is_environment(Environment.testing)


env = Environment(os.getenv("POLAR_ENV", Environment.development))
settings = Settings(ENV=env)  # type: ignore
