from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "joinedup.outcomes"
    label = "outcomes"
    verbose_name = "Children's plans and service outcomes"
