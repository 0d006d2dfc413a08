import csv
import io

from sqlalchemy.orm import Session

from app.core.database import SessionLocal
from app.models import User


def export_active_users() -> str:
    session = Session()  # DBS003
    try:
        buf = io.StringIO()
        writer = csv.writer(buf)
        for user in session.query(User).filter(User.is_active.is_(True)):
            writer.writerow([user.id, user.email])
        return buf.getvalue()
    finally:
        session.close()


def export_with_factory() -> list:
    with SessionLocal() as session:
        return [user.id for user in session.query(User).all()]
