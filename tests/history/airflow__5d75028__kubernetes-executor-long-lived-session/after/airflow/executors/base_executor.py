# From apache/airflow, airflow/executors/base_executor.py at 5d75028d2846ed27c90cc4009b6fe81046752b1e (the fix), reduced.
from airflow import configuration
from airflow.utils.log.logging_mixin import LoggingMixin

PARALLELISM = configuration.conf.getint('core', 'PARALLELISM')


class BaseExecutor(LoggingMixin):

    def __init__(self, parallelism=PARALLELISM):
        """
        Class to derive in order to interface with executor-type systems
        like Celery, Mesos, Yarn and the likes.
        """
        self.parallelism = parallelism
        self.queued_tasks = {}
        self.running = {}
        self.event_buffer = {}

    def start(self):  # pragma: no cover
        """
        Executors may need to get things started. For example LocalExecutor
        starts N workers.
        """
        pass
