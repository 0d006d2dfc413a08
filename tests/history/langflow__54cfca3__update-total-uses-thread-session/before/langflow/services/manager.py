# Reduced from langflow-ai/langflow, src/backend/langflow/services/manager.py, at 8faad709176499fae2a7b841596cc1a386724007 (parent of fix 54cfca3dd6c990d0d1eebc01689366f82b9ebb87).
from langflow.services.schema import ServiceType


class ServiceManager:
    """
    Manages the creation of different services.
    """

    def __init__(self):
        self.services = {}
        self.factories = {}

    def get(self, service_name: ServiceType):
        """
        Get (or create) a service by its name.
        """
        if service_name not in self.services:
            self.services[service_name] = self.factories[service_name]()

        return self.services[service_name]


service_manager = ServiceManager()
