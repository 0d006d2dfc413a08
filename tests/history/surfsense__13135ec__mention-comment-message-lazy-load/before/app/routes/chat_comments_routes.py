# From MODSetter/SurfSense, surfsense_backend/app/routes/chat_comments_routes.py (fix 13135ec51b42abf7761911444222c92e755c2697; before/ is its parent), reduced.
"""
Routes for chat comments and mentions.
"""

from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import User, get_async_session
from app.schemas.chat_comments import MentionListResponse
from app.services.chat_comments_service import get_user_mentions
from app.users import current_active_user

router = APIRouter()


# =============================================================================
# Mention Routes
# =============================================================================


@router.get("/mentions", response_model=MentionListResponse)
async def list_mentions(
    search_space_id: int | None = None,
    session: AsyncSession = Depends(get_async_session),
    user: User = Depends(current_active_user),
):
    """List mentions for the current user."""
    return await get_user_mentions(session, user, search_space_id)
