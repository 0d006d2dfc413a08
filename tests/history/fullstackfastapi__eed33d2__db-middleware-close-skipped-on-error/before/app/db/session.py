# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/db/session.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

from app.core.config import settings

engine = create_engine(settings.SQLALCHEMY_DATABASE_URI, pool_pre_ping=True)
db_session = scoped_session(
    sessionmaker(autocommit=False, autoflush=False, bind=engine)
)
Session = sessionmaker(autocommit=False, autoflush=False, bind=engine)
