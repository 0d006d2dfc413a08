# From apache/airflow, airflow/configuration.py at 8db71a2951a9dbbe7e2f913486a65287b99e83be (the fix), reduced.
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
