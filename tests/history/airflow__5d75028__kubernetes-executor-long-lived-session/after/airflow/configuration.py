# From apache/airflow, airflow/configuration.py at 5d75028d2846ed27c90cc4009b6fe81046752b1e (the fix), reduced.
from configparser import ConfigParser


class AirflowConfigException(Exception):
    pass


class AirflowConfigParser(ConfigParser):
    def as_dict(self, display_sensitive=False):
        return {section: dict(self.items(section)) for section in self.sections()}


conf = AirflowConfigParser()
conf.read_dict({
    'core': {
        'sql_alchemy_conn': 'sqlite:////tmp/airflow.db',
        'parallelism': '32',
    },
    'kubernetes': {'namespace': 'default', 'in_cluster': 'True',
                   'delete_worker_pods': 'True'},
})


def get(section, key, **kwargs):
    return conf.get(section, key, **kwargs)


def getboolean(section, key, **kwargs):
    return conf.getboolean(section, key, **kwargs)


def getint(section, key, **kwargs):
    return conf.getint(section, key, **kwargs)


def as_dict(display_sensitive=False):
    return conf.as_dict(display_sensitive=display_sensitive)
