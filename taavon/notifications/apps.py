from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "taavon.notifications"
    label = "notifications"
