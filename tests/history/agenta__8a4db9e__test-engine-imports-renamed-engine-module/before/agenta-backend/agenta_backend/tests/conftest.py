# From Agenta-AI/agenta, agenta-backend/agenta_backend/tests/conftest.py (fix 8a4db9e571bb0a65b738172660becc1afb9facb4; before/ is its parent), reduced.
import pytest
import asyncio

from agenta_backend.tests.engine import test_db_engine as db_engine


@pytest.fixture(scope="session", autouse=True)
def event_loop():
    """
    Create an instance of the default event loop for each test case.
    """

    policy = asyncio.get_event_loop_policy()
    res = policy.new_event_loop()
    asyncio.set_event_loop(res)
    res._close = res.close  # type: ignore

    yield res

    res.run_until_complete(db_engine.remove_db())  # drop database
    res.run_until_complete(db_engine.close_db())  # close connections to database
    res._close()  # close event loop # type: ignore
