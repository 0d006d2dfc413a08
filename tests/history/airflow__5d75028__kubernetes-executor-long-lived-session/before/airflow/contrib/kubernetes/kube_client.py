# From apache/airflow, airflow/contrib/kubernetes/kube_client.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.
from airflow.configuration import conf

try:
    from kubernetes import config, client
    from kubernetes.client.rest import ApiException
    has_kubernetes = True
except ImportError as e:
    # We need an exception class to be able to use it in ``except`` elsewhere
    # in the code base
    ApiException = BaseException
    has_kubernetes = False
    _import_err = e


def _load_kube_config(in_cluster, cluster_context, config_file):
    if not has_kubernetes:
        raise _import_err
    if in_cluster:
        config.load_incluster_config()
    else:
        config.load_kube_config(config_file=config_file, context=cluster_context)
    return client.CoreV1Api()


def get_kube_client(in_cluster=conf.getboolean('kubernetes', 'in_cluster'),
                    cluster_context=None,
                    config_file=None):
    return _load_kube_config(in_cluster, cluster_context, config_file)
