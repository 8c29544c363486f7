from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    name = "joinedup.integrity"
    label = "integrity"
    verbose_name = "Integrity: hash chains and backups"
