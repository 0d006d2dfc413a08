# From polarsource/polar, server/polar/models/user.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from polar.kit.db.models import RecordModel


class User(RecordModel):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String)
