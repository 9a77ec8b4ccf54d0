from django.apps import AppConfig


class CapitalConfig(AppConfig):
    name = "taavon.capital"
    label = "capital"

    def ready(self) -> None:
        from . import policies  # noqa: F401
