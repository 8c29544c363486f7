from django.apps import AppConfig


class RestrictionsConfig(AppConfig):
    name = "joinedup.restrictions"
    label = "restrictions"
    verbose_name = "Restricted records"

    def ready(self) -> None:
        from joinedup.records import access, ingest
        from joinedup.restrictions import waiting
        from joinedup.restrictions.services import hidden_children

        access.register_child_restriction(hidden_children)
        ingest.register_arrival_hook(waiting.on_concerns_arrived)
