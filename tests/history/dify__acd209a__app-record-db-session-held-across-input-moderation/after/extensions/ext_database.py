# Reduced from langgenius/dify, api/extensions/ext_database.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from dify_app import DifyApp
from models import db


def init_app(app: DifyApp):
    # (reduced: the gevent-safe pool "reset" listener is cut)
    db.init_app(app)
