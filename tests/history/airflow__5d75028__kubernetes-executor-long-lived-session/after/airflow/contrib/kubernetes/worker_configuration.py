# From apache/airflow, airflow/contrib/kubernetes/worker_configuration.py at 5d75028d2846ed27c90cc4009b6fe81046752b1e (the fix), reduced.
from airflow.utils.log.logging_mixin import LoggingMixin


class WorkerConfiguration(LoggingMixin):
    """Contains Kubernetes Airflow Worker configuration logic"""

    def __init__(self, kube_config):
        self.kube_config = kube_config

    def make_pod(self, namespace, worker_uuid, pod_id, dag_id, task_id, execution_date,
                 airflow_command, kube_executor_config):
        return {
            'metadata': {
                'namespace': namespace,
                'name': pod_id,
                'labels': {
                    'airflow-worker': worker_uuid,
                    'dag_id': dag_id,
                    'task_id': task_id,
                    'execution_date': execution_date,
                },
            },
            'spec': {'containers': [{'image': self.kube_config.kube_image,
                                     'args': [airflow_command]}]},
        }
