# Reduced from langgenius/dify, api/extensions/ext_database.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
import logging

from dify_app import DifyApp
from models.engine import db

logger = logging.getLogger(__name__)


def init_app(app: DifyApp):
    db.init_app(app)
