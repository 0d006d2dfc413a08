# Reduced from langgenius/dify, api/extensions/ext_database.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def init_app(app):
    db.init_app(app)
