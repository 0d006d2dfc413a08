# From apache/airflow, airflow/models.py at 4905a5563d47b45e38b91661ee5aa7f3765a129b (the fix), reduced.
from sqlalchemy.ext.declarative import declarative_base

Base = declarative_base()
ID_LEN = 250
