# From apache/airflow, airflow/contrib/kubernetes/pod_launcher.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.
import json

from kubernetes import watch
from kubernetes.client.rest import ApiException

from airflow.utils.log.logging_mixin import LoggingMixin
from .kube_client import get_kube_client


class PodLauncher(LoggingMixin):
    def __init__(self, kube_client=None, in_cluster=True, cluster_context=None,
                 extract_xcom=False):
        super(PodLauncher, self).__init__()
        self._client = kube_client or get_kube_client(in_cluster=in_cluster,
                                                      cluster_context=cluster_context)
        self._watch = watch.Watch()
        self.extract_xcom = extract_xcom

    def run_pod_async(self, pod):
        req = pod
        self.log.debug('Pod Creation Request: \n%s', json.dumps(req, indent=2))
        try:
            resp = self._client.create_namespaced_pod(body=req, namespace=pod['metadata']['namespace'])
            self.log.debug('Pod Creation Response: %s', resp)
        except ApiException:
            self.log.exception('Exception when attempting to create Namespaced Pod.')
            raise
        return resp
