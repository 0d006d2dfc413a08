# From apache/airflow, airflow/configuration.py at 4905a5563d47b45e38b91661ee5aa7f3765a129b (the fix), reduced.
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
