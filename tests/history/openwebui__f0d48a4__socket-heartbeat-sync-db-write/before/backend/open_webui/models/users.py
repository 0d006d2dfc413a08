# From open-webui/open-webui, backend/open_webui/models/users.py (fix f0d48a4295c30318e34b93a03c8f4b264573216a; before/ is its parent), reduced.
import time
from typing import Optional

from sqlalchemy.orm import Session
from open_webui.internal.db import Base, get_db_context


from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    BigInteger,
    JSON,
    Column,
    String,
    Text,
)

####################
# User DB Schema
####################


class User(Base):
    __tablename__ = 'user'

    id = Column(String, primary_key=True, unique=True)
    email = Column(String)
    username = Column(String(50), nullable=True)
    role = Column(String)

    name = Column(String)

    profile_image_url = Column(Text)

    info = Column(JSON, nullable=True)
    settings = Column(JSON, nullable=True)

    last_active_at = Column(BigInteger)
    updated_at = Column(BigInteger)
    created_at = Column(BigInteger)


class UserModel(BaseModel):
    id: str

    email: str
    username: Optional[str] = None
    role: str = 'pending'

    name: str

    profile_image_url: Optional[str] = None

    last_active_at: int  # timestamp in epoch
    updated_at: int  # timestamp in epoch
    created_at: int  # timestamp in epoch

    model_config = ConfigDict(from_attributes=True)


class UsersTable:
    def update_last_active_by_id(self, id: str, db: Optional[Session] = None) -> Optional[UserModel]:
        try:
            with get_db_context(db) as db:
                user = db.query(User).filter_by(id=id).first()
                if not user:
                    return None
                user.last_active_at = int(time.time())
                db.commit()
                db.refresh(user)
                return UserModel.model_validate(user)
        except Exception:
            return None


Users = UsersTable()
