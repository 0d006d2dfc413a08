# From apache/airflow, airflow/models.py at 1bde7833854210676dcd6e8da8b6d9567e12031a (parent of the fix), reduced.
from sqlalchemy import Boolean, Column, Integer, String
from sqlalchemy.ext.declarative import declarative_base

from airflow.utils.log.logging_mixin import LoggingMixin

Base = declarative_base()
ID_LEN = 250


class Connection(Base, LoggingMixin):
    """
    Placeholder to store information about different database instances
    connection information. The idea here is that scripts use references to
    database instances (conn_id) instead of hard coding hostname, logins and
    passwords when using operators or hooks.
    """
    __tablename__ = "connection"

    id = Column(Integer(), primary_key=True)
    conn_id = Column(String(ID_LEN))
    conn_type = Column(String(500))
    host = Column(String(500))
    schema = Column(String(500))
    login = Column(String(500))
    _password = Column('password', String(5000))
    port = Column(Integer())
    is_encrypted = Column(Boolean, unique=False, default=False)
    is_extra_encrypted = Column(Boolean, unique=False, default=False)
    _extra = Column('extra', String(5000))

    def __init__(self, conn_id=None, conn_type=None, host=None, uri=None):
        self.conn_id = conn_id
        self.conn_type = conn_type
        self.host = host

    def get_hook(self):
        raise NotImplementedError()
