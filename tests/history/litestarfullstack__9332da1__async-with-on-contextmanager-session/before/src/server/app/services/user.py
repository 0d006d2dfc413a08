# From litestar-org/litestar-fullstack, src/server/app/services/user.py, services/base.py and core/db/repositories/base.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
from typing import TYPE_CHECKING, Any, Optional, Union

from sqlalchemy import select

from app import schemas
from app.core.db import models

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


class UserService:
    """Handles database operations for users"""

    model_type = models.User

    async def get_by_email(self, db_session: "AsyncSession", email: str) -> Optional[models.User]:
        statement = select(self.model_type).where(self.model_type.email == email)
        statement.execution_options(populate_existing=True)
        results = await db_session.execute(statement)
        db_object = results.first()
        return db_object[0] if db_object else None

    async def create(self, db_session: "AsyncSession", obj_in: schemas.UserSignup) -> models.User:
        obj_data = obj_in.dict(exclude_unset=True, exclude_none=True)
        password = obj_data.pop("password")
        obj_data.pop("team_name", None)
        obj_data.update({"hashed_password": password.get_secret_value()})
        user = self.model_type(**obj_data)
        db_session.add(instance=user)
        await db_session.commit()
        await db_session.refresh(user)
        return user

    async def update(
        self, db_session: "AsyncSession", db_obj: models.User, obj_in: Union[schemas.UserUpdate, dict[str, Any]]
    ) -> models.User:
        update_data = obj_in if isinstance(obj_in, dict) else obj_in.dict(exclude_unset=True, by_alias=False)
        for field, value in update_data.items():
            setattr(db_obj, field, value)
        db_session.add(instance=db_obj)
        await db_session.commit()
        await db_session.refresh(db_obj)
        return db_obj


user = UserService()
