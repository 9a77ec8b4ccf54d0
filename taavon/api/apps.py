from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "taavon.api"
    label = "api"
