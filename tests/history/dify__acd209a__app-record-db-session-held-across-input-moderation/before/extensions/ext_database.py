# Reduced from langgenius/dify, api/extensions/ext_database.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
from dify_app import DifyApp
from models import db


def init_app(app: DifyApp):
    # (reduced: the gevent-safe pool "reset" listener is cut)
    db.init_app(app)
