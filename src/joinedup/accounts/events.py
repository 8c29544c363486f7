"""Audit events of signing in (see core/audit.py for the mechanism)."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from joinedup.core.audit import AuditEventData


@dataclasses.dataclass(frozen=True)
class SignInLockedOut(AuditEventData):
    """Too many wrong passwords for one user name from one address: signing in is refused for a while.
    The auditor sees these in the audit trail (and the event is logged as a warning)."""

    name: ClassVar[str] = "sign_in_locked_out"
    username: str = ""
    ip_address: str = ""
    failures: int = 0
    minutes: int = 0

    def object_ref(self):
        return "username", self.username[:60]


@dataclasses.dataclass(frozen=True)
class SecondFactorSetUp(AuditEventData):
    """Someone set up an authenticator app as their second factor (and was given backup codes)."""

    name: ClassVar[str] = "second_factor_set_up"
    device: str = ""
    backup_codes: int = 0


@dataclasses.dataclass(frozen=True)
class SecondFactorFailed(AuditEventData):
    """A wrong second-factor code was entered."""

    name: ClassVar[str] = "second_factor_failed"
    stage: str = ""  # "set_up" or "sign_in"


@dataclasses.dataclass(frozen=True)
class BackupCodeUsed(AuditEventData):
    """Someone signed in with one of their single-use backup codes."""

    name: ClassVar[str] = "backup_code_used"
    remaining: int = 0


@dataclasses.dataclass(frozen=True)
class SecondFactorReset(AuditEventData):
    """An operator removed someone's second factors (a lost phone); they set one up at their next sign-in."""

    name: ClassVar[str] = "second_factor_reset"
    username: str = ""
