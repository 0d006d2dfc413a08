# From fastapi/full-stack-fastapi-template, src/backend/app/app/initial_data.py (fix a66a9256dd2ae97cebc972c15668ccac5dd801d8; before/ is its parent), reduced.
import logging

from sqlmodel import Session

from app.db.engine import engine
from app.db.init_db import init_db

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


def init() -> None:
    with Session(engine) as session:
        init_db(session)


def main() -> None:
    logger.info("Creating initial data")
    init()
    logger.info("Initial data created")


if __name__ == "__main__":
    main()
