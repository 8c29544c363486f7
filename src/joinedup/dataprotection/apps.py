from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    name = "joinedup.dataprotection"
    label = "dataprotection"
    verbose_name = "Data-protection duties"
