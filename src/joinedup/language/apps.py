from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "joinedup.language"
    label = "language"
    verbose_name = "Language that believes children"

    def ready(self) -> None:
        from joinedup.language import events  # noqa: F401 (registers the LanguageKept audit event)
