# From Agenta-AI/agenta, agenta-backend/agenta_backend/tests/engine.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
from agenta_backend.models.db.models import models
from agenta_backend.models.db.shared import DBEngine


class TestDBEngine(DBEngine):
    """
    Database engine to remove database tables in test db.
    """

    async def remove_db(self):
        """
        Remove the database tables.
        """

        async with self.engine.begin() as conn:
            for model in models:
                await conn.run_sync(model.metadata.drop_all)


test_db_engine = TestDBEngine()
