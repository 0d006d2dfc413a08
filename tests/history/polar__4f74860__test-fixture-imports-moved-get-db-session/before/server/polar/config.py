# From polarsource/polar, server/polar/config.py (fix 4f748605f49cfd03f45b8bc3b6da33871b74f2ae; before/ is its parent), reduced.
from pydantic import BaseSettings, PostgresDsn


class Settings(BaseSettings):
    DEBUG: bool = False
    CORS_ORIGINS: list[str] = []

    POSTGRES_USER: str = "polar"
    POSTGRES_PWD: str = "polar"
    POSTGRES_HOST: str = "127.0.0.1"
    POSTGRES_PORT: int = 5432
    POSTGRES_DATABASE: str = "polar"

    @property
    def postgres_dsn(self) -> PostgresDsn:
        return PostgresDsn.build(
            scheme="postgresql+asyncpg",
            user=self.POSTGRES_USER,
            password=self.POSTGRES_PWD,
            host=self.POSTGRES_HOST,
            port=str(self.POSTGRES_PORT),
            path=f"/{self.POSTGRES_DATABASE}",
        )


settings = Settings()
