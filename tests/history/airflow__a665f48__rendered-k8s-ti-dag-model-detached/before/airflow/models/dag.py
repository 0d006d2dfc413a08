# From apache/airflow, airflow/models/dag.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import os
from datetime import datetime
from typing import Dict, Optional

from sqlalchemy import Boolean, Column, Index, String, Text
from sqlalchemy.orm import relationship
from sqlalchemy.orm.session import Session

from airflow.exceptions import TaskNotFound
from airflow.models.base import ID_LEN, Base
from airflow.models.dagrun import DagRun
from airflow.utils.session import NEW_SESSION, provide_session


class DAG:
    """
    A dag (directed acyclic graph) is a collection of tasks with directional
    dependencies.
    """

    def __init__(self, dag_id: str, fileloc: Optional[str] = None):
        self._dag_id = dag_id
        self.fileloc = fileloc
        self.task_dict: Dict[str, object] = {}

    @property
    def dag_id(self) -> str:
        return self._dag_id

    @provide_session
    def get_dagrun(
        self,
        execution_date: Optional[datetime] = None,
        run_id: Optional[str] = None,
        session: Session = NEW_SESSION,
    ):
        """
        Returns the dag run for a given execution date or run_id if it exists, otherwise
        none.

        :param execution_date: The execution date of the DagRun to find.
        :param run_id: The run_id of the DagRun to find.
        :param session:
        :return: The DagRun if found, otherwise None.
        """
        if not (execution_date or run_id):
            raise TypeError("You must provide either the execution_date or the run_id")
        query = session.query(DagRun)
        if execution_date:
            query = query.filter(DagRun.dag_id == self.dag_id, DagRun.execution_date == execution_date)
        if run_id:
            query = query.filter(DagRun.dag_id == self.dag_id, DagRun.run_id == run_id)
        return query.first()

    def get_task(self, task_id: str, include_subdags: bool = False):
        if task_id in self.task_dict:
            return self.task_dict[task_id]
        raise TaskNotFound(f"Task {task_id} not found")


class DagModel(Base):
    """Table containing DAG properties"""

    __tablename__ = "dag"
    """
    These items are stored in the database for state related information
    """
    dag_id = Column(String(ID_LEN), primary_key=True)
    root_dag_id = Column(String(ID_LEN))
    # Whether the DAG is a subdag
    is_subdag = Column(Boolean, default=False)
    # The location of the file containing the DAG object
    fileloc = Column(String(2000))
    # Description of the dag
    description = Column(Text)

    __table_args__ = (Index('idx_root_dag_id', root_dag_id, unique=False),)

    parent_dag = relationship(
        "DagModel", remote_side=[dag_id], primaryjoin=root_dag_id == dag_id, foreign_keys=[root_dag_id]
    )

    @property
    def relative_fileloc(self) -> Optional[str]:
        """File location of the importable dag 'file' relative to the configured DAGs folder."""
        return os.path.relpath(self.fileloc) if self.fileloc else None
