# From fastapi/full-stack-fastapi-template, src/backend/app/app/db/init_db.py (fix a66a9256dd2ae97cebc972c15668ccac5dd801d8; before/ is its parent), reduced.
from sqlalchemy.orm import Session

from app import crud
from app.core.config import settings


def init_db(db: Session) -> None:
    # Tables should be created with Alembic migrations
    # But if you don't want to use migrations, create
    # the tables un-commenting the next line
    # Base.metadata.create_all(bind=engine)

    user = crud.user.get_by_email(db, email=settings.FIRST_SUPERUSER)
    if not user:
        user = crud.user.create(  # noqa: F841
            db,
            email=settings.FIRST_SUPERUSER,
            password=settings.FIRST_SUPERUSER_PASSWORD,
            is_superuser=True,
        )
