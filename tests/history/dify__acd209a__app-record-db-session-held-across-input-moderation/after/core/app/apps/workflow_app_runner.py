# Reduced from langgenius/dify, api/core/app/apps/workflow_app_runner.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from core.app.apps.base_app_queue_manager import AppQueueManager, PublishFrom
from core.app.entities.queue_entities import AppQueueEvent


class WorkflowBasedAppRunner:
    def __init__(
        self,
        *,
        queue_manager: AppQueueManager,
        app_id: str,
    ) -> None:
        # (reduced: the variable loader is cut)
        self._queue_manager = queue_manager
        self._app_id = app_id

    # (reduced: graph initialisation, single-iteration/loop runs and the graph-event handling are cut)

    def _publish_event(self, event: AppQueueEvent) -> None:
        self._queue_manager.publish(event, PublishFrom.APPLICATION_MANAGER)
