# From MODSetter/SurfSense, surfsense_backend/app/config/__init__.py (fix 13135ec51b42abf7761911444222c92e755c2697; before/ is its parent), reduced.
import os


class Config:
    # Database
    DATABASE_URL = os.getenv("DATABASE_URL")

    # Auth
    AUTH_TYPE = os.getenv("AUTH_TYPE")
    NEXT_FRONTEND_URL = os.getenv("NEXT_FRONTEND_URL")
    SECRET_KEY = os.getenv("SECRET_KEY")

    # Page limits for ETL services
    PAGES_LIMIT = int(os.getenv("PAGES_LIMIT", "999999999"))


config = Config()
