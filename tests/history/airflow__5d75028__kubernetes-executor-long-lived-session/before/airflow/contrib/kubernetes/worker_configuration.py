# From apache/airflow, airflow/contrib/kubernetes/worker_configuration.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.
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
