from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "joinedup.sharing"
    label = "sharing"
    verbose_name = "Information-sharing decisions"

    def ready(self) -> None:
        from joinedup.identity import hooks
        from joinedup.records import access
        from joinedup.sharing import services

        hooks.on_alert_triaged(services.alert_shared)
        access.register_concern_grant(services.shared_concerns)
