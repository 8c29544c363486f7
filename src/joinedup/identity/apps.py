from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "joinedup.identity"
    label = "identity"
    verbose_name = "Entities across agencies"
