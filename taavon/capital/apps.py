from django.apps import AppConfig


class CapitalConfig(AppConfig):
    name = "taavon.capital"
    label = "capital"

    def ready(self) -> None:
        from taavon.registry.exits import on_member_exit

        from . import policies
        from .services import redeem_on_exit

        on_member_exit(redeem_on_exit)
        del policies  # imported for its @register side effect
