from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "taavon.core"
    label = "core"
