from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "taavon.registry"
    label = "registry"

    def ready(self) -> None:
        from . import checks, policies  # noqa: F401
