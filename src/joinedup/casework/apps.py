from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "joinedup.casework"
    label = "casework"
    verbose_name = "Decisions, actions and follow-through"

    def ready(self) -> None:
        from joinedup.casework import arrivals
        from joinedup.records import ingest

        ingest.register_arrival_hook(arrivals.on_concerns_arrived)
