from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "joinedup.web"
    label = "web"
    verbose_name = "Pages"
