from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "taavon.demo"
    label = "demo"
