from django.apps import AppConfig


class ExplorationConfig(AppConfig):
    name = "headway.exploration"
    label = "exploration"
