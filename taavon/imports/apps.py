from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "taavon.imports"
    label = "imports"
