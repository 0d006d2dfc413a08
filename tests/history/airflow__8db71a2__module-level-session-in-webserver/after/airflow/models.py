# From apache/airflow, airflow/models.py at 8db71a2951a9dbbe7e2f913486a65287b99e83be (the fix), reduced.
from sqlalchemy import Column, DateTime, Float, Integer, String
from sqlalchemy.ext.declarative import declarative_base

Base = declarative_base()
ID_LEN = 250


class DagBag(object):
    def __init__(self, dag_folder=None):
        self.dag_folder = dag_folder
        self.dags = {}
        self.collect_dags(dag_folder)

    def collect_dags(self, dag_folder=None):
        pass


class User(Base):
    __tablename__ = "user"

    id = Column(Integer, primary_key=True)
    username = Column(String(ID_LEN), unique=True)
    email = Column(String(500))


class DatabaseConnection(Base):
    __tablename__ = "db_connection"

    id = Column(Integer(), primary_key=True)
    db_id = Column(String(ID_LEN), unique=True)
    db_type = Column(String(500))
    host = Column(String(500))
    port = Column(Integer())


class TaskInstance(Base):
    __tablename__ = "task_instance"

    task_id = Column(String(ID_LEN), primary_key=True)
    dag_id = Column(String(ID_LEN), primary_key=True)
    execution_date = Column(DateTime, primary_key=True)
    start_date = Column(DateTime)
    end_date = Column(DateTime)
    duration = Column(Float)
    state = Column(String(20))


class Log(Base):
    __tablename__ = "log"

    id = Column(Integer, primary_key=True)
    dttm = Column(DateTime)
    dag_id = Column(String(ID_LEN))
    task_id = Column(String(ID_LEN))
    event = Column(String(30))
    execution_date = Column(DateTime)
