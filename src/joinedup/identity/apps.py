from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "joinedup.identity"
    label = "identity"
    verbose_name = "Entities across agencies"

    def ready(self) -> None:
        from joinedup.identity import linking
        from joinedup.records import ingest

        ingest.register_arrival_hook(linking.on_concerns_arrived)
