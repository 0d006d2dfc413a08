# Reduced from langgenius/dify, api/extensions/ext_database.py at a31466d34e280284216b638e1fcd89e0db9bfff4 (the fix)
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def init_app(app):
    db.init_app(app)
