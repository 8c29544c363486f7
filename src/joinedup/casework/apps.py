from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "joinedup.casework"
    label = "casework"
    verbose_name = "Decisions, actions and follow-through"

    def ready(self) -> None:
        from joinedup.casework import arrivals, screening_work, services
        from joinedup.identity import hooks
        from joinedup.records import access, ingest

        ingest.register_arrival_hook(arrivals.on_concerns_arrived)
        ingest.register_arrival_hook(screening_work.on_concerns_arrived)
        access.register_concern_grant(notified_concerns)
        hooks.on_alert_raised(services.alert_needs_triage)
        hooks.on_alert_triaged(services.alert_was_triaged)


def notified_concerns(user):
    """An agency notified about a concern (a strategy discussion, a referral) may see that concern."""
    from django.db.models import Q

    return Q(notifications__to_agency_id=user.agency_id)
