# From MODSetter/SurfSense, surfsense_backend/app/config/__init__.py (fix 9d0f5b4249f6ee15eee12575b93468ae17e82f3f; before/ is its parent), reduced.
import os


class Config:
    # Database
    DATABASE_URL = os.getenv("DATABASE_URL")

    # Auth
    AUTH_TYPE = os.getenv("AUTH_TYPE")

    # Page limits for ETL services
    PAGES_LIMIT = int(os.getenv("PAGES_LIMIT", "999999999"))


config = Config()
