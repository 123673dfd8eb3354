from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "headway.engagements"
    label = "engagements"
