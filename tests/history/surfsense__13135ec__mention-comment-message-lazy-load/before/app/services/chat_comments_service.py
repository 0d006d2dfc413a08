# From MODSetter/SurfSense, surfsense_backend/app/services/chat_comments_service.py (fix 13135ec51b42abf7761911444222c92e755c2697; before/ is its parent), reduced.
"""
Service layer for chat comments and mentions.
"""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.db import (
    ChatComment,
    ChatCommentMention,
    NewChatMessage,
    NewChatThread,
    User,
)
from app.schemas.chat_comments import (
    AuthorResponse,
    MentionCommentResponse,
    MentionContextResponse,
    MentionListResponse,
    MentionResponse,
)


async def get_user_mentions(
    session: AsyncSession,
    user: User,
    search_space_id: int | None = None,
) -> MentionListResponse:
    """
    Get mentions for the current user, optionally filtered by search space.

    Args:
        session: Database session
        user: The current authenticated user
        search_space_id: Optional search space ID to filter mentions

    Returns:
        MentionListResponse with mentions and total count
    """
    # Build query with joins for filtering by search_space_id
    query = (
        select(ChatCommentMention)
        .join(ChatComment, ChatCommentMention.comment_id == ChatComment.id)
        .join(NewChatMessage, ChatComment.message_id == NewChatMessage.id)
        .join(NewChatThread, NewChatMessage.thread_id == NewChatThread.id)
        .options(
            selectinload(ChatCommentMention.comment).selectinload(ChatComment.author),
        )
        .filter(ChatCommentMention.mentioned_user_id == user.id)
        .order_by(ChatCommentMention.created_at.desc())
    )

    if search_space_id is not None:
        query = query.filter(NewChatThread.search_space_id == search_space_id)

    result = await session.execute(query)
    mention_records = result.scalars().all()

    # Fetch search space info for context (single query for all unique search spaces)
    thread_ids = {m.comment.message.thread_id for m in mention_records}  # DBS014
    if thread_ids:
        thread_result = await session.execute(
            select(NewChatThread)
            .options(selectinload(NewChatThread.search_space))
            .filter(NewChatThread.id.in_(thread_ids))
        )
        threads_map = {t.id: t for t in thread_result.scalars().all()}
    else:
        threads_map = {}

    mentions = []
    for mention in mention_records:
        comment = mention.comment
        message = comment.message  # DBS014
        thread = threads_map.get(message.thread_id)
        search_space = thread.search_space if thread else None

        author = None
        if comment.author:
            author = AuthorResponse(
                id=comment.author.id,
                display_name=comment.author.display_name,
                avatar_url=comment.author.avatar_url,
                email=comment.author.email,
            )

        content_preview = (
            comment.content[:100] + "..."
            if len(comment.content) > 100
            else comment.content
        )

        mentions.append(
            MentionResponse(
                id=mention.id,
                created_at=mention.created_at,
                comment=MentionCommentResponse(
                    id=comment.id,
                    content_preview=content_preview,
                    author=author,
                    created_at=comment.created_at,
                ),
                context=MentionContextResponse(
                    thread_id=thread.id if thread else 0,
                    thread_title=thread.title or "Untitled" if thread else "Unknown",
                    message_id=message.id,
                    search_space_id=search_space.id if search_space else 0,
                    search_space_name=search_space.name if search_space else "Unknown",
                ),
            )
        )

    return MentionListResponse(
        mentions=mentions,
        total_count=len(mentions),
    )
