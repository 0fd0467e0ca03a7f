from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wsp_platform.core"
    label = "core"
    verbose_name = "Basis"
