from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "taavon.documents"
    label = "documents"
