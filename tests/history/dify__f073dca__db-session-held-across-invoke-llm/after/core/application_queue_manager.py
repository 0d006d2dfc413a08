# Reduced from langgenius/dify, api/core/application_queue_manager.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
import queue
from enum import Enum

from core.model_runtime.entities.llm_entities import LLMResult, LLMResultChunk


class PublishFrom(Enum):
    APPLICATION_MANAGER = 1
    TASK_PIPELINE = 2


class ApplicationQueueManager:
    def __init__(self, task_id: str, user_id: str) -> None:
        self._task_id = task_id
        self._user_id = user_id
        self._q = queue.Queue()

    def publish_chunk_message(self, chunk: LLMResultChunk, pub_from: PublishFrom) -> None:
        self.publish({'event': 'message', 'chunk': chunk}, pub_from)

    def publish_message_end(self, llm_result: LLMResult, pub_from: PublishFrom) -> None:
        self.publish({'event': 'message_end', 'llm_result': llm_result}, pub_from)
        self.stop_listen()

    def stop_listen(self) -> None:
        self._q.put(None)

    def publish(self, event: dict, pub_from: PublishFrom) -> None:
        self._q.put(event)
