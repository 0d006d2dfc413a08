# From apache/superset, superset/models/sql_lab.py at 8591319bde7db14ac358eae979dfefcbf450db91 (the fix), reduced.
"""A collection of ORM sqlalchemy models for SQL Lab"""
from flask_appbuilder import Model
from sqlalchemy import Column, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import backref, relationship

from superset.utils import QueryStatus


class Query(Model):
    """ORM model for SQL query"""

    __tablename__ = 'query'
    id = Column(Integer, primary_key=True)
    client_id = Column(String(11), unique=True, nullable=False)

    database_id = Column(Integer, ForeignKey('dbs.id'), nullable=False)

    # Store the tmp table into the DB only if the user asks for it.
    tmp_table_name = Column(String(256))
    status = Column(String(16), default=QueryStatus.PENDING)
    schema = Column(String(256))
    sql = Column(Text)
    executed_sql = Column(Text)
    limit = Column(Integer)
    progress = Column(Integer, default=0)  # 1..100
    rows = Column(Integer)
    error_message = Column(Text)
    results_key = Column(String(64), index=True)

    start_time = Column(Numeric(precision=20, scale=6))
    start_running_time = Column(Numeric(precision=20, scale=6))
    end_time = Column(Numeric(precision=20, scale=6))

    database = relationship(
        'Database',
        foreign_keys=[database_id],
        backref=backref('queries', cascade='all, delete-orphan'))

    def to_dict(self):
        return {'id': self.client_id, 'state': self.status.lower()}
