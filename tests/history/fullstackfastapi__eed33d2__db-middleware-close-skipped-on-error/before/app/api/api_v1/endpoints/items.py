# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/api/api_v1/endpoints/items.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from typing import List

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud
from app.api.utils.db import get_db

router = APIRouter()


@router.get("/")
def read_items(
    db: Session = Depends(get_db),
    skip: int = 0,
    limit: int = 100,
    owner_id: int = 0,
) -> List:
    """
    Retrieve items.
    """
    # (the original picks between these two by crud.user.is_superuser(current_user))
    if not owner_id:
        items = crud.item.get_multi(db, skip=skip, limit=limit)
    else:
        items = crud.item.get_multi_by_owner(
            db_session=db, owner_id=owner_id, skip=skip, limit=limit
        )
    return items
