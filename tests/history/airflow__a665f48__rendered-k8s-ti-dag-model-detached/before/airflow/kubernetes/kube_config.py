# From apache/airflow, airflow/kubernetes/kube_config.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
from airflow.configuration import conf


class KubeConfig:
    """Configuration for Kubernetes"""

    core_section = 'core'
    kubernetes_section = 'kubernetes'

    def __init__(self):
        self.kube_image = conf.get(self.kubernetes_section, 'worker_container_repository')
        self.executor_namespace = conf.get(self.kubernetes_section, 'namespace')
        self.pod_template_file = conf.get(self.kubernetes_section, 'pod_template_file', fallback=None)
