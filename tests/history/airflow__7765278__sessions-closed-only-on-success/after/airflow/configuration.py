# From apache/airflow, airflow/configuration.py at 7765278479b81a73244ff44e47973bbc5bf9bcef (the fix), reduced.
from configparser import ConfigParser


class AirflowConfigParser(ConfigParser):
    pass


conf = AirflowConfigParser()
conf.read_dict({
    'core': {
        'airflow_home': '~/airflow',
        'dags_folder': '~/airflow/dags',
        'sql_alchemy_conn': 'sqlite:////tmp/airflow.db',
        'sql_alchemy_pool_size': '5',
        'sql_alchemy_pool_recycle': '3600',
    },
})


def get(section, key, **kwargs):
    return conf.get(section, key, **kwargs)


def getint(section, key):
    return conf.getint(section, key)
