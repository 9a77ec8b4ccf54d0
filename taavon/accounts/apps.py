from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "taavon.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import policies  # noqa: F401
