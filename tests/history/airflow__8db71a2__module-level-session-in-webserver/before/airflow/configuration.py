# From apache/airflow, airflow/configuration.py at d9827764bb4f3cfbced6a69135bd6f3ff810e4bc (parent of the fix), reduced.
from configparser import ConfigParser

defaults = {
    'core': {
        'sql_alchemy_conn': 'sqlite:////tmp/airflow.db',
        'dags_folder': '/tmp/dags',
        'base_folder': '/tmp',
        'authenticate': 'False',
    },
}


class AirflowConfigParser(ConfigParser):
    pass


def getconf():
    conf = AirflowConfigParser()
    conf.read_dict(defaults)
    return conf

conf = getconf()
