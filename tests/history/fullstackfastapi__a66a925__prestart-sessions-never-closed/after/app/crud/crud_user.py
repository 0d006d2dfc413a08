# From fastapi/full-stack-fastapi-template, src/backend/app/app/crud/crud_user.py (fix a66a9256dd2ae97cebc972c15668ccac5dd801d8; before/ is its parent), reduced.
from typing import Optional

from sqlalchemy.orm import Session

from app.models import User


class CRUDUser:
    def get_by_email(self, db: Session, *, email: str) -> Optional[User]:
        return db.query(User).filter(User.email == email).first()

    def create(self, db: Session, *, email: str, password: str, is_superuser: bool) -> User:
        db_obj = User(
            email=email,
            hashed_password=password,  # the original hashes it with passlib
            is_superuser=is_superuser,
        )
        db.add(db_obj)
        db.commit()
        db.refresh(db_obj)
        return db_obj


user = CRUDUser()
