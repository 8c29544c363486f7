from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured


class RetentionConfig(AppConfig):
    name = "joinedup.retention"
    label = "retention"
    verbose_name = "Retention and disposal"

    def ready(self) -> None:
        from joinedup.integrity import verify
        from joinedup.retention import chainrows, rules

        try:
            rules.current()  # a bad JOINEDUP_RETENTION_RULES_FILE stops start-up, naming the key
        except (rules.RulesError, OSError) as problem:
            raise ImproperlyConfigured(f"JOINEDUP_RETENTION_RULES_FILE: {problem}") from problem
        verify.register_disposed_rows(chainrows.disposed_rows, chainrows.check_tombstones)
