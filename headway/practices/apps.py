from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "headway.practices"
    label = "practices"
