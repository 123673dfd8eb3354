from django.apps import AppConfig


class OnetConfig(AppConfig):
    name = "headway.onet"
    label = "onet"
    verbose_name = "O*NET occupations"
