from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "taavon.audit"
    label = "audit"

    def ready(self) -> None:
        from . import policies, signals  # noqa: F401
