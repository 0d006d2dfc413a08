# From letta-ai/letta, memgpt/server/rest_api/interface.py (fix cc039e0c5518aef1896a67b8beb220e69ffac637; before/ is its parent), reduced.
class StreamingServerInterface:
    """Maintain a generator that is a proxy for self.process_chunk()"""
