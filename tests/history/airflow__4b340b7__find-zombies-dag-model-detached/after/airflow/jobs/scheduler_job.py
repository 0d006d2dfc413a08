# From apache/airflow, airflow/jobs/scheduler_job.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy import or_
from sqlalchemy.orm.session import Session

from airflow.callbacks.callback_requests import TaskCallbackRequest
from airflow.callbacks.pipe_callback_sink import PipeCallbackSink
from airflow.configuration import conf
from airflow.jobs.base_job import BaseJob
from airflow.models.dag import DagModel
from airflow.models.taskinstance import SimpleTaskInstance, TaskInstance
from airflow.stats import Stats
from airflow.utils import timezone
from airflow.utils.event_scheduler import EventScheduler
from airflow.utils.session import create_session, provide_session
from airflow.utils.state import State, TaskInstanceState

TI = TaskInstance
DM = DagModel


class SchedulerJob(BaseJob):
    """
    SchedulerJob runs for a specific time interval and schedules jobs that are ready to run.

    It figures out the latest runs for each task and sees if the dependencies
    for the next schedules are met.
    If so, it creates appropriate TaskInstances and sends run commands to the
    executor. It does this for each task in each DAG and repeats.
    """

    __mapper_args__ = {"polymorphic_identity": "SchedulerJob"}
    heartrate: int = conf.getint("scheduler", "SCHEDULER_HEARTBEAT_SEC")

    def __init__(self, *args, **kwargs):
        # How many seconds do we wait for tasks to heartbeat before mark them as zombies.
        self._zombie_threshold_secs = conf.getint("scheduler", "scheduler_zombie_task_threshold")
        self._standalone_dag_processor = conf.getboolean("scheduler", "standalone_dag_processor")
        super().__init__(*args, **kwargs)
        # Dag Processor agent - not used in Dag Processor standalone mode.
        self.processor_agent = None

    def _execute(self) -> None:
        self.log.info("Starting the scheduler")
        try:
            self.executor.job_id = self.id
            if self.processor_agent:
                self.log.debug("Using PipeCallbackSink as callback sink.")
                self.executor.callback_sink = PipeCallbackSink(
                    get_sink_pipe=self.processor_agent.get_callbacks_pipe
                )
            else:
                from airflow.callbacks.database_callback_sink import DatabaseCallbackSink

                self.log.debug("Using DatabaseCallbackSink as callback sink.")
                self.executor.callback_sink = DatabaseCallbackSink()

            self.executor.start()

            self._run_scheduler_loop()
        except Exception:
            self.log.exception("Exception when executing SchedulerJob._run_scheduler_loop")
            raise

    def _run_scheduler_loop(self) -> None:
        """The actual scheduler loop."""
        if not self.processor_agent and not self._standalone_dag_processor:
            raise ValueError("Processor agent is not started.")

        timers = EventScheduler()

        timers.call_regular_interval(
            conf.getfloat("scheduler", "zombie_detection_interval", fallback=10.0),
            self._find_zombies,
        )

        for loop_count in itertools.count(start=1):
            next_event = timers.run(blocking=False)
            self.log.debug("Next timed event is in %f", next_event)

    def _find_zombies(self) -> None:
        """
        Find zombie task instances, which are tasks haven't heartbeated for too long
        or have a no-longer-running LocalTaskJob, and create a TaskCallbackRequest
        to be handled by the DAG processor.
        """
        from airflow.jobs.local_task_job import LocalTaskJob

        self.log.debug("Finding 'running' jobs without a recent heartbeat")
        limit_dttm = timezone.utcnow() - timedelta(seconds=self._zombie_threshold_secs)

        with create_session() as session:
            zombies: list[tuple[TI, str, str]] = (
                session.query(TI, DM.fileloc, DM.processor_subdir)
                .with_hint(TI, "USE INDEX (ti_state)", dialect_name="mysql")
                .join(LocalTaskJob, TaskInstance.job_id == LocalTaskJob.id)
                .filter(TI.state == TaskInstanceState.RUNNING)
                .filter(
                    or_(
                        LocalTaskJob.state != State.RUNNING,
                        LocalTaskJob.latest_heartbeat < limit_dttm,
                    )
                )
                .filter(TI.queued_by_job_id == self.id)
                .all()
            )

        if zombies:
            self.log.warning("Failing (%s) jobs without heartbeat after %s", len(zombies), limit_dttm)

        for ti, file_loc, processor_subdir in zombies:
            zombie_message_details = self._generate_zombie_message_details(ti)
            request = TaskCallbackRequest(
                full_filepath=file_loc,
                processor_subdir=processor_subdir,
                simple_task_instance=SimpleTaskInstance.from_ti(ti),
                msg=str(zombie_message_details),
            )
            self.log.error("Detected zombie job: %s", request)
            self.executor.send_callback(request)
            Stats.incr("zombies_killed")

    @staticmethod
    def _generate_zombie_message_details(ti: TaskInstance):
        zombie_message_details = {
            "DAG Id": ti.dag_id,
            "Task Id": ti.task_id,
            "Run Id": ti.run_id,
        }

        if ti.map_index != -1:
            zombie_message_details["Map Index"] = ti.map_index
        if ti.hostname:
            zombie_message_details["Hostname"] = ti.hostname
        if ti.external_executor_id:
            zombie_message_details["External Executor Id"] = ti.external_executor_id

        return zombie_message_details
