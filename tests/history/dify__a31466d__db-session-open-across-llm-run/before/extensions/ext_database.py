# Reduced from langgenius/dify, api/extensions/ext_database.py at d38eac959bac18b20e67eab4ecddb26406a212a8 (parent of fix a31466d34e280284216b638e1fcd89e0db9bfff4)
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def init_app(app):
    db.init_app(app)
