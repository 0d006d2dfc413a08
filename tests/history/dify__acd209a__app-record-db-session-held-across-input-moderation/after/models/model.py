# Reduced from langgenius/dify, api/models/model.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import Index, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .types import StringUUID


class App(Base):
    __tablename__ = "apps"
    __table_args__ = (sa.PrimaryKeyConstraint("id", name="app_pkey"), sa.Index("app_tenant_id_idx", "tenant_id"))

    id: Mapped[str] = mapped_column(StringUUID, server_default=sa.text("uuid_generate_v4()"))
    tenant_id: Mapped[str] = mapped_column(StringUUID)
    name: Mapped[str] = mapped_column(String(255))
    mode: Mapped[str] = mapped_column(String(255))
    workflow_id = mapped_column(StringUUID, nullable=True)
    # (reduced: the other columns and properties are cut)


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="conversation_pkey"),
        sa.Index("conversation_app_from_user_idx", "app_id", "from_source", "from_end_user_id"),
    )

    id: Mapped[str] = mapped_column(StringUUID, server_default=sa.text("uuid_generate_v4()"))
    app_id = mapped_column(StringUUID, nullable=False)
    mode: Mapped[str] = mapped_column(String(255))
    from_source = mapped_column(String(255), nullable=False)
    from_end_user_id = mapped_column(StringUUID)
    # (reduced: the other columns and properties are cut)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        PrimaryKeyConstraint("id", name="message_pkey"),
        Index("message_app_id_idx", "app_id", "created_at"),
        Index("message_conversation_id_idx", "conversation_id"),
    )

    id: Mapped[str] = mapped_column(StringUUID, server_default=sa.text("uuid_generate_v4()"))
    app_id = mapped_column(StringUUID, nullable=False)
    conversation_id = mapped_column(StringUUID, sa.ForeignKey("conversations.id"), nullable=False)
    query: Mapped[str] = mapped_column(sa.Text, nullable=False)
    answer: Mapped[str] = mapped_column(sa.Text, nullable=False)
    workflow_run_id: Mapped[Optional[str]] = mapped_column(StringUUID)
    # (reduced: the other columns and properties are cut)
