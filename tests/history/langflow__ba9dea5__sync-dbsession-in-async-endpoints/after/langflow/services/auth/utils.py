# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/auth/utils.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
from typing import Annotated
from uuid import UUID

from fastapi import Depends, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer
from jose import JWTError, jwt
from sqlmodel.ext.asyncio.session import AsyncSession

from langflow.services.database.models.user.crud import get_user_by_id
from langflow.services.database.models.user.model import User
from langflow.services.deps import get_async_session

oauth2_login = OAuth2PasswordBearer(tokenUrl="api/v1/login", auto_error=False)

SECRET_KEY = "reduced"  # reduced: comes from the settings service
ALGORITHM = "HS256"


async def get_current_user_by_jwt(
    token: str,
    db: AsyncSession,
) -> User:
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
        user_id: UUID = payload.get("sub")  # type: ignore[assignment]
    except JWTError as e:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Invalid token details.",
            headers={"WWW-Authenticate": "Bearer"},
        ) from e
    user = await get_user_by_id(db, user_id)
    if user is None or not user.is_active:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="User not found or is inactive.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


async def get_current_user(
    token: Annotated[str, Security(oauth2_login)],
    db: Annotated[AsyncSession, Depends(get_async_session)],
) -> User:
    return await get_current_user_by_jwt(token, db)


async def get_current_active_user(current_user: Annotated[User, Depends(get_current_user)]):
    if not current_user.is_active:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Inactive user")
    return current_user


async def get_current_active_superuser(current_user: Annotated[User, Depends(get_current_user)]) -> User:
    if not current_user.is_active:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Inactive user")
    if not current_user.is_superuser:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="The user doesn't have enough privileges")
    return current_user
