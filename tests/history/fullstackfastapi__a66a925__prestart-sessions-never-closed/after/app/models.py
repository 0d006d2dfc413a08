# From fastapi/full-stack-fastapi-template, src/backend/app/app/models/user.py (fix a66a9256dd2ae97cebc972c15668ccac5dd801d8; before/ is its parent), reduced.
from sqlalchemy import Boolean, Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "user"

    id = Column(Integer, primary_key=True, index=True)
    full_name = Column(String, index=True)
    email = Column(String, unique=True, index=True, nullable=False)
    hashed_password = Column(String, nullable=False)
    is_superuser = Column(Boolean(), default=False)
