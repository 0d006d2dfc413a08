# From apache/airflow, airflow/exceptions.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.


class AirflowException(Exception):
    """
    Base class for all Airflow's errors.

    Each custom exception should be derived from this class.
    """

    status_code = 500


class TaskNotFound(AirflowException):
    """Raise when a Task is not available in the system."""
