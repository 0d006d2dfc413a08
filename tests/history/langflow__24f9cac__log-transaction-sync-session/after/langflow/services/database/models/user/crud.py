# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/models/user/crud.py, at 24f9cac9b59711fa365eac9e6525b96a2ceb67f3 (the fix).
from uuid import UUID

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from langflow.services.database.models.user.model import User


async def get_user_by_username(db: AsyncSession, username: str) -> User | None:
    stmt = select(User).where(User.username == username)
    return (await db.exec(stmt)).first()


async def get_user_by_id(db: AsyncSession, user_id: UUID) -> User | None:
    stmt = select(User).where(User.id == user_id)
    return (await db.exec(stmt)).first()
