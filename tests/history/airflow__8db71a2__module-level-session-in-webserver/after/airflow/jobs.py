# From apache/airflow, airflow/jobs.py at 8db71a2951a9dbbe7e2f913486a65287b99e83be (the fix), reduced.
from sqlalchemy import Column, Integer, String, DateTime

from airflow import models

Base = models.Base
ID_LEN = models.ID_LEN


class BaseJob(Base):
    __tablename__ = "job"

    id = Column(Integer, primary_key=True)
    dag_id = Column(String(ID_LEN),)
    state = Column(String(20))
    job_type = Column(String(30))
    start_date = Column(DateTime())
    end_date = Column(DateTime())
    latest_heartbeat = Column(DateTime())
