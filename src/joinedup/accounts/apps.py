from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "joinedup.accounts"
    label = "accounts"
    verbose_name = "Signing in and security"

    def ready(self):
        from joinedup.accounts import events, lockout, middleware  # noqa: F401  (audit events; signals)
