# From letta-ai/letta, memgpt/server/server.py (fix cc039e0c5518aef1896a67b8beb220e69ffac637; before/ is its parent), reduced.
from memgpt.metadata import MetadataStore


class Server(object):
    """Abstract server class that supports multi-agent multi-user"""


class LockingServer(Server):
    """Basic support for concurrency protections (all requests that modify an agent lock the agent until the operation is complete)"""


class SyncServer(LockingServer):
    """Simple single-threaded / blocking server process"""

    def __init__(self, config=None):
        self.ms = MetadataStore(config)
