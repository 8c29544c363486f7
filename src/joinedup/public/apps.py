from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "joinedup.public"
    label = "public"
    verbose_name = "Public reporting page"
