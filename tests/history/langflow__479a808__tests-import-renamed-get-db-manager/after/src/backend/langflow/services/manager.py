# From langflow-ai/langflow, src/backend/langflow/services/manager.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from langflow.services.schema import ServiceType
from typing import Dict


class ServiceManager:
    """
    Manages the creation of different services.
    """

    def __init__(self):
        self.services: Dict[str, object] = {}
        self.factories = {}
        self.dependencies = {}

    def get(self, service_name: ServiceType):
        """
        Get (or create) a service by its name.
        """
        if service_name not in self.services:
            raise ValueError(f"No factory registered for the service class '{service_name}'")
        return self.services[service_name]


service_manager = ServiceManager()


def initialize_services():
    """
    Initialize all the services needed.
    """
    # (factory registrations cut)


def initialize_settings_service():
    """
    Initialize the settings manager.
    """
    # (factory registration cut)
