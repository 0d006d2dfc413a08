# From fastapi/full-stack-fastapi-template, {{cookiecutter.project_slug}}/backend/app/app/models/item.py (fix eed33d276d04a719e7555be6d0c4ccda42d49716; before/ is its parent), reduced.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.ext.declarative import declarative_base

Base = declarative_base()


class Item(Base):
    __tablename__ = "item"

    id = Column(Integer, primary_key=True, index=True)
    title = Column(String, index=True)
    description = Column(String, index=True)
    owner_id = Column(Integer, ForeignKey("user.id"))
