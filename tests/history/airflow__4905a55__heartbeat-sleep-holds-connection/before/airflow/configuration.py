# From apache/airflow, airflow/configuration.py at ff45d8f2218a8da9328161aa66d004c3db3b367e (parent of the fix), reduced.
from configparser import ConfigParser

DEFAULT_CONFIG = {
    'core': {
        'AIRFLOW_HOME': '~/airflow',
        'SQL_ALCHEMY_CONN': 'sqlite:////tmp/airflow.db',
        'SQL_ALCHEMY_POOL_SIZE': '5',
        'SQL_ALCHEMY_POOL_RECYCLE': '3600',
    },
    'scheduler': {'JOB_HEARTBEAT_SEC': '5'},
}


class AirflowConfigParser(ConfigParser):
    pass


conf = AirflowConfigParser()
conf.read_dict(DEFAULT_CONFIG)


def get(section, key, **kwargs):
    return conf.get(section, key, **kwargs)


def getfloat(section, key):
    return conf.getfloat(section, key)


def getint(section, key):
    return conf.getint(section, key)
