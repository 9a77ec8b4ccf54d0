from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "taavon.web"
    label = "web"
