from django.apps import AppConfig


class FoundingConfig(AppConfig):
    name = "taavon.founding"
    label = "founding"

    def ready(self) -> None:
        from . import policies  # noqa: F401
