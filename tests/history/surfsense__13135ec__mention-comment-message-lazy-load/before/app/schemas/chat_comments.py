# From MODSetter/SurfSense, surfsense_backend/app/schemas/chat_comments.py (fix 13135ec51b42abf7761911444222c92e755c2697; before/ is its parent), reduced.
"""
Pydantic schemas for chat comments and mentions.
"""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict


class AuthorResponse(BaseModel):
    """Author information for comments."""

    id: UUID
    display_name: str | None = None
    avatar_url: str | None = None
    email: str

    model_config = ConfigDict(from_attributes=True)


class MentionContextResponse(BaseModel):
    """Context information for where a mention occurred."""

    thread_id: int
    thread_title: str
    message_id: int
    search_space_id: int
    search_space_name: str


class MentionCommentResponse(BaseModel):
    """Abbreviated comment info for mention display."""

    id: int
    content_preview: str
    author: AuthorResponse | None = None
    created_at: datetime


class MentionResponse(BaseModel):
    """Schema for a mention notification."""

    id: int
    created_at: datetime
    comment: MentionCommentResponse
    context: MentionContextResponse

    model_config = ConfigDict(from_attributes=True)


class MentionListResponse(BaseModel):
    """Response for listing user's mentions."""

    mentions: list[MentionResponse]
    total_count: int
