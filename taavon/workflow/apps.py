from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "taavon.workflow"
    label = "workflow"

    def ready(self) -> None:
        from . import policies

        del policies  # imported for its @register side effect
