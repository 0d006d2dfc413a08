# Reduced from langgenius/dify, api/models/dataset.py at a5387b304e5cb74bf803a6811ca8aa0747ef3e9d (parent of fix 66196459d5a9737f65464f257ffa89011fa96c0f)
import pickle
from datetime import datetime
from typing import cast

import sqlalchemy as sa
from sqlalchemy import DateTime, String, func
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .types import StringUUID


class Embedding(Base):
    __tablename__ = "embeddings"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="embedding_pkey"),
        sa.UniqueConstraint("model_name", "hash", "provider_name", name="embedding_hash_idx"),
        sa.Index("created_at_idx", "created_at"),
    )

    id = mapped_column(StringUUID, primary_key=True, server_default=sa.text("uuid_generate_v4()"))
    model_name = mapped_column(
        String(255), nullable=False, server_default=sa.text("'text-embedding-ada-002'::character varying")
    )
    hash = mapped_column(String(64), nullable=False)
    embedding = mapped_column(sa.LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, server_default=func.current_timestamp())
    provider_name = mapped_column(String(255), nullable=False, server_default=sa.text("''::character varying"))

    def set_embedding(self, embedding_data: list[float]):
        self.embedding = pickle.dumps(embedding_data, protocol=pickle.HIGHEST_PROTOCOL)

    def get_embedding(self) -> list[float]:
        return cast(list[float], pickle.loads(self.embedding))  # noqa: S301
