# From apache/airflow, airflow/models/renderedtifields.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
"""Save Rendered Template Fields"""
from typing import Optional

import sqlalchemy_jsonfield
from sqlalchemy import Column, String
from sqlalchemy.orm import Session

from airflow.models.base import ID_LEN, Base
from airflow.models.taskinstance import TaskInstance
from airflow.utils.session import provide_session
from airflow.utils.sqlalchemy import UtcDateTime


class RenderedTaskInstanceFields(Base):
    """Save Rendered Template Fields"""

    __tablename__ = "rendered_task_instance_fields"

    dag_id = Column(String(ID_LEN), primary_key=True)
    task_id = Column(String(ID_LEN), primary_key=True)
    execution_date = Column(UtcDateTime, primary_key=True)
    k8s_pod_yaml = Column(sqlalchemy_jsonfield.JSONField(), nullable=True)

    @classmethod
    @provide_session
    def get_k8s_pod_yaml(cls, ti: TaskInstance, session: Session = None) -> Optional[dict]:
        """
        Get rendered Kubernetes Pod Yaml for a TaskInstance from the RenderedTaskInstanceFields
        table.

        :param ti: Task Instance
        :param session: SqlAlchemy Session
        :return: Kubernetes Pod Yaml
        """
        result = (
            session.query(cls.k8s_pod_yaml)
            .filter(
                cls.dag_id == ti.dag_id, cls.task_id == ti.task_id, cls.execution_date == ti.execution_date
            )
            .one_or_none()
        )
        return result.k8s_pod_yaml if result else None
