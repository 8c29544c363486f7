"""Second factors: setting one up, and checking a code. Every change is audited in its transaction."""

from __future__ import annotations

import base64

from django.db import transaction
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from joinedup.accounts.events import BackupCodeUsed, SecondFactorFailed, SecondFactorReset, SecondFactorSetUp
from joinedup.core import audit

APP_DEVICE = "Authenticator app"
BACKUP_DEVICE = "Backup codes"
BACKUP_CODES = 10


def has_second_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_app(user) -> TOTPDevice:
    """The authenticator-app key being set up (made on first use; not usable until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The key as people type it into an authenticator app: base32, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _clean(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def confirm_app(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows. Returns the new backup codes, or None if the code is wrong."""
    if has_second_factor(user):
        raise ValueError("this user already has a second factor; an administrator must reset it first")
    if device.user_id != user.pk or device.confirmed or not device.verify_token(_clean(code)):
        audit.record(SecondFactorFailed(stage="set_up"), actor=user)
        return None
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    audit.record(SecondFactorSetUp(device=APP_DEVICE, backup_codes=len(codes)), actor=user)
    return codes


def check_code(user, code: str):
    """The confirmed device that accepts `code` (an app code or an unused backup code), else None.
    Wrong codes are audited; each device throttles repeated failures (django-otp)."""
    token = _clean(code)
    with transaction.atomic():
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if verify_token(user, device.persistent_id, token):
                return device
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if verify_token(user, device.persistent_id, token):
                audit.record(BackupCodeUsed(remaining=device.token_set.count()), actor=user)
                return device
        audit.record(SecondFactorFailed(stage="sign_in"), actor=user)
    return None


@transaction.atomic
def reset(user, actor=None) -> int:
    """Remove every second factor of `user` (a lost phone): they set one up again at their next sign-in."""
    count = TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
    audit.record(SecondFactorReset(username=user.username), actor=actor)
    return count
