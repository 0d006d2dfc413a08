# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/crud/crud_item.py and app/crud/base.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from typing import List

from sqlalchemy.orm import Session

from app.models.item import Item


class CRUDItem:
    def __init__(self, model):
        self.model = model

    def get_multi(self, db_session: Session, *, skip=0, limit=100) -> List[Item]:
        return db_session.query(self.model).offset(skip).limit(limit).all()

    def get_multi_by_owner(
        self, db_session: Session, *, owner_id: int, skip=0, limit=100
    ) -> List[Item]:
        return (
            db_session.query(self.model)
            .filter(Item.owner_id == owner_id)
            .offset(skip)
            .limit(limit)
            .all()
        )


item = CRUDItem(Item)
