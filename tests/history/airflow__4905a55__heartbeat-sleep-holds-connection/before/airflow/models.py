# From apache/airflow, airflow/models.py at ff45d8f2218a8da9328161aa66d004c3db3b367e (parent of the fix), reduced.
from sqlalchemy.ext.declarative import declarative_base

Base = declarative_base()
ID_LEN = 250
