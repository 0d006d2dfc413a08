# Reduced from langgenius/dify, api/extensions/ext_database.py at c06cfcbb5add7f059398179a70f87d359bb95e9c (the fix)
import logging

from dify_app import DifyApp
from models import db

logger = logging.getLogger(__name__)


def init_app(app: DifyApp):
    db.init_app(app)
