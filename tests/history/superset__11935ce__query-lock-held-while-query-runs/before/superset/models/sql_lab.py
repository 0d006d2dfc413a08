# From apache/superset, superset/models/sql_lab.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.
"""A collection of ORM sqlalchemy models for SQL Lab"""
from flask_appbuilder import Model
from sqlalchemy import Boolean, Column, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import backref, relationship

from superset.models.helpers import ExtraJSONMixin
from superset.utils.core import QueryStatus


class Query(Model, ExtraJSONMixin):
    """ORM model for SQL query

    Now that SQL Lab support multi-statement execution, an entry in this
    table may represent multiple SQL statements executed sequentially"""

    __tablename__ = "query"
    id = Column(Integer, primary_key=True)
    client_id = Column(String(11), unique=True, nullable=False)

    database_id = Column(Integer, ForeignKey("dbs.id"), nullable=False)

    # Store the tmp table into the DB only if the user asks for it.
    tmp_table_name = Column(String(256))
    user_id = Column(Integer, ForeignKey("ab_user.id"), nullable=True)
    status = Column(String(16), default=QueryStatus.PENDING)
    schema = Column(String(256))
    sql = Column(Text)
    select_sql = Column(Text)
    executed_sql = Column(Text)
    limit = Column(Integer)
    select_as_cta = Column(Boolean)
    select_as_cta_used = Column(Boolean, default=False)

    progress = Column(Integer, default=0)  # 1..100
    rows = Column(Integer)
    error_message = Column(Text)
    results_key = Column(String(64), index=True)

    start_time = Column(Numeric(precision=20, scale=6))
    start_running_time = Column(Numeric(precision=20, scale=6))
    end_time = Column(Numeric(precision=20, scale=6))

    database = relationship(
        "Database",
        foreign_keys=[database_id],
        backref=backref("queries", cascade="all, delete-orphan"),
    )

    def to_dict(self):
        return {"id": self.client_id, "state": self.status.lower()}
