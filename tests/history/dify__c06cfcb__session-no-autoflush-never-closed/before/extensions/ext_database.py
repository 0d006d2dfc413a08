# Reduced from langgenius/dify, api/extensions/ext_database.py at ddf619264356f360d99e5e891cfce957c1bf9b4e (parent of fix c06cfcbb5add7f059398179a70f87d359bb95e9c)
import logging

from dify_app import DifyApp
from models import db

logger = logging.getLogger(__name__)


def init_app(app: DifyApp):
    db.init_app(app)
