# Reduced from langflow-ai/langflow, src/backend/langflow/services/base.py, at 54cfca3dd6c990d0d1eebc01689366f82b9ebb87 (the fix).
class Service:
    name: str
    ready: bool = False

    def set_ready(self):
        self.ready = True
