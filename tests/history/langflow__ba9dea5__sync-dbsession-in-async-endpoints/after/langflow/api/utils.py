# Reduced from langflow-ai/langflow, src/backend/base/langflow/api/utils.py, at ba9dea55477a8964843e9f36be77631f830c5637 (the fix).
from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from sqlmodel import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from langflow.services.auth.utils import get_current_active_user
from langflow.services.database.models import User
from langflow.services.deps import get_async_session, get_session

CurrentActiveUser = Annotated[User, Depends(get_current_active_user)]
DbSession = Annotated[Session, Depends(get_session)]
AsyncDbSession = Annotated[AsyncSession, Depends(get_async_session)]
