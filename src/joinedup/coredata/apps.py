from django.apps import AppConfig


class CoreDataConfig(AppConfig):
    name = "joinedup.coredata"
    label = "coredata"
    verbose_name = "The core data set"
