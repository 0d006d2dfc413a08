# Reduced from langgenius/dify, api/core/app/apps/base_app_queue_manager.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
import queue
from abc import abstractmethod
from enum import IntEnum, auto

from core.app.entities.app_invoke_entities import InvokeFrom
from core.app.entities.queue_entities import AppQueueEvent


class PublishFrom(IntEnum):
    APPLICATION_MANAGER = auto()
    TASK_PIPELINE = auto()


class AppQueueManager:
    def __init__(self, task_id: str, user_id: str, invoke_from: InvokeFrom) -> None:
        if not user_id:
            raise ValueError("user is required")

        self._task_id = task_id
        self._user_id = user_id
        self._invoke_from = invoke_from
        # (reduced: the task-owner key written to Redis is cut)

        q: queue.Queue = queue.Queue()

        self._q = q

    def publish(self, event: AppQueueEvent, pub_from: PublishFrom) -> None:
        """
        Publish event to queue
        :param event:
        :param pub_from:
        :return:
        """
        # (reduced: the check that no SQLAlchemy model is put on the queue is cut)
        self._publish(event, pub_from)

    @abstractmethod
    def _publish(self, event: AppQueueEvent, pub_from: PublishFrom) -> None:
        """
        Publish event to queue
        :param event:
        :param pub_from:
        :return:
        """
        raise NotImplementedError
