# From langflow-ai/langflow, src/backend/langflow/utils/logger.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
from loguru import logger


def configure(log_level: str = "INFO", log_file=None):
    logger.remove()
    logger.add(lambda msg: print(msg, end=""), level=log_level.upper())
