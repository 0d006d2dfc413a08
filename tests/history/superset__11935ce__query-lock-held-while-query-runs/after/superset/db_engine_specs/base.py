# From apache/superset, superset/db_engine_specs/base.py at 11935ce1188aa214b6769b3d55468ee7db1fd159 (the fix), reduced.
from typing import List, Tuple


class BaseEngineSpec:
    """Abstract class for database engine specific configurations"""

    engine = "base"  # str as defined in sqlalchemy.engine.engine
    arraysize = 0

    @classmethod
    def fetch_data(cls, cursor, limit: int) -> List[Tuple]:
        """

        :param cursor: Cursor instance
        :param limit: Maximum number of rows to be returned by the cursor
        :return: Result of query
        """
        if cls.arraysize:
            cursor.arraysize = cls.arraysize
        if limit:
            return cursor.fetchmany(limit)
        return cursor.fetchall()

    @classmethod
    def handle_cursor(cls, cursor, query, session):
        """Handle a live cursor between the execute and fetchall calls

        The flow works without this method doing anything, but it allows
        for handling the cursor and updating progress information in the
        query object"""
        pass

    @classmethod
    def extract_error_message(cls, e: Exception) -> str:
        return f"{cls.engine} error: {cls._extract_error_message(e)}"

    @classmethod
    def _extract_error_message(cls, e: Exception) -> str:
        return str(e)

    @classmethod
    def patch(cls):
        pass

    @classmethod
    def execute(cls, cursor, query: str, **kwargs):
        """
        Execute a SQL query

        :param cursor: Cursor instance
        :param query: Query to execute
        :param kwargs: kwargs to be passed to cursor.execute()
        :return:
        """
        if cls.arraysize:
            cursor.arraysize = cls.arraysize
        cursor.execute(query)
