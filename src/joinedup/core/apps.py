from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "joinedup.core"
    label = "core"
    verbose_name = "Agencies, people and audit"
