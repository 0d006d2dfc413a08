# Reduced from langgenius/dify, api/extensions/ext_database.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from dify_app import DifyApp
from models import db


def init_app(app: DifyApp):
    db.init_app(app)
