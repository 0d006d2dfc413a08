# From apache/airflow, airflow/settings.py at 8db71a2951a9dbbe7e2f913486a65287b99e83be (the fix), reduced.
import sys

from sqlalchemy.orm import scoped_session, sessionmaker
from sqlalchemy import create_engine
from sqlalchemy import exc

from airflow.configuration import conf

BASE_FOLDER = conf.get('core', 'BASE_FOLDER')
SQL_ALCHEMY_CONN = conf.get('core', 'SQL_ALCHEMY_CONN')
if BASE_FOLDER not in sys.path:
    sys.path.append(BASE_FOLDER)

engine = create_engine(
    SQL_ALCHEMY_CONN, pool_size=50, pool_recycle=3600)
Session = scoped_session(sessionmaker(autocommit=False,
        autoflush=False,
        bind=engine))
