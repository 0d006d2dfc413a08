# From Agenta-AI/agenta, agenta-backend/agenta_backend/models/db/engines.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
from agenta_backend.models.db.config import logger
from agenta_backend.models.db.shared import DBEngine
from agenta_backend.models.db.models import isCloudEE


class CloudEEDBEngine(DBEngine):
    """
    Database engine to initialize Beanie ODM.
    """

    async def initialize_mongodb(self):
        """
        Initializes the mongodb async driver and beanie documents.
        """
        # (the cloud/ee-only Beanie + Motor set-up cut)

    async def init_db(self):
        """
        Initialize the database odm create all collections.
        """

        if isCloudEE():
            await self.initialize_mongodb()


cloud_ee_db_engine = CloudEEDBEngine()
