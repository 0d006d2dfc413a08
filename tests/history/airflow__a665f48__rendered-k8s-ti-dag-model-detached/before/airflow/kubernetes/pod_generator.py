# From apache/airflow, airflow/kubernetes/pod_generator.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import copy

from kubernetes.client import models as k8s


class PodGenerator:
    """Contains Kubernetes Airflow Worker configuration logic"""

    @staticmethod
    def from_obj(obj):
        """Converts to pod from obj"""
        if obj is None:
            return None
        k8s_object = obj.get("pod_override", None)
        return k8s_object

    @staticmethod
    def construct_pod(
        dag_id: str,
        task_id: str,
        pod_id: str,
        try_number: int,
        kube_image: str,
        date,
        args,
        pod_override_object,
        base_worker_pod: k8s.V1Pod,
        namespace: str,
        scheduler_job_id: str,
    ) -> k8s.V1Pod:
        """Construct a pod by gathering and consolidating the configuration from 3 places"""
        pod = copy.deepcopy(base_worker_pod)
        pod.metadata = k8s.V1ObjectMeta(namespace=namespace, name=pod_id)
        pod.spec.containers[0].args = args
        pod.spec.containers[0].image = kube_image
        return pod

    @staticmethod
    def deserialize_model_file(path: str) -> k8s.V1Pod:
        """:param path: Path to the file"""
        return k8s.V1Pod(spec=k8s.V1PodSpec(containers=[k8s.V1Container(name="base")]))
