from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "taavon.geo"
    label = "geo"
