from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "taavon.accounts"
    label = "accounts"

    def ready(self) -> None:
        from taavon.core.permissions import use_scope_provider

        from . import policies, signals
        from .scopes import scope_from_roles

        use_scope_provider(scope_from_roles)
        del policies, signals  # imported for their @register and @receiver side effects
