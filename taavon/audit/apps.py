from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "taavon.audit"
    label = "audit"

    def ready(self) -> None:
        from . import policies
        from .catalogue import load_catalogue

        del policies  # imported for its @register side effect
        load_catalogue()
