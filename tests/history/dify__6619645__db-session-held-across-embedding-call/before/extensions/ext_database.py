# Reduced from langgenius/dify, api/extensions/ext_database.py at a5387b304e5cb74bf803a6811ca8aa0747ef3e9d (parent of fix 66196459d5a9737f65464f257ffa89011fa96c0f)
import logging

from dify_app import DifyApp
from models.engine import db

logger = logging.getLogger(__name__)


def init_app(app: DifyApp):
    db.init_app(app)
