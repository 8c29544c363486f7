"""Demo users: one per role, each in an agency and a team of the synthetic town."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction

from joinedup.core.models import Agency, Team, User
from joinedup.core.roles import Role

# username: (role, agency name, agency type, team, display name)
DEMO_USERS = {
    "frontdoor": (Role.FRONT_DOOR, "Northtown Children's Social Care", "social_care", "Front door (MASH)", "Fran Doorley"),
    "socialworker": (Role.SOCIAL_WORKER, "Northtown Children's Social Care", "social_care", "Child protection team", "Sol Wakefield"),
    "manager": (Role.TEAM_MANAGER, "Northtown Children's Social Care", "social_care", "Child protection team", "Mina Grantley"),
    "police": (Role.POLICE_OFFICER, "Northtown Police", "police", "Response", "PC Pat Oakridge"),
    "analyst": (Role.ANALYST, "Northtown Police", "police", "Intelligence unit", "Ana Lister"),
    "school": (Role.SCHOOL_DSL, "Northtown Academy", "education", "Safeguarding", "Dee Slade"),
    "health": (Role.HEALTH, "Northtown Health", "health", "School nursing", "Hal Thornbury"),
    "youth": (Role.YOUTH_WORKER, "Safe Harbour Youth Project", "youth_service", "Outreach", "Yas Wolvercote"),
    "auditor": (Role.AUDITOR, "Northtown Children's Social Care", "social_care", "Information governance", "Audie Torrington"),
    "admin": (Role.ADMINISTRATOR, "Northtown Children's Social Care", "social_care", "Systems", "Addy Minchin"),
    "leader": (Role.SERVICE_LEADER, "Northtown Children's Social Care", "social_care", "Leadership team", "Lee Dershaw"),
}


def demo_password() -> str:
    """One password for every demo log-in, made on first use and kept under var/ (never committed)."""
    path = settings.VAR_DIR / "demo_password"
    if path.exists():
        return path.read_text().strip()
    password = "-".join(secrets.token_hex(3) for _ in range(3))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password)
    path.chmod(0o600)
    return password


@transaction.atomic
def ensure_demo_users() -> dict[str, User]:
    password = demo_password()
    users = {}
    for username, (role, agency_name, agency_type, team_name, display) in DEMO_USERS.items():
        agency = Agency.objects.get_or_create(name=agency_name, defaults={"type": agency_type})[0]
        team = Team.objects.get_or_create(agency=agency, name=team_name)[0]
        first, _, last = display.rpartition(" ")
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, role=role, agency=agency, team=team, first_name=first, last_name=last)
            user.set_password(password)
            user.is_staff = role == Role.ADMINISTRATOR
            user.save()
        demo_authenticator(user)
        users[username] = user
    return users


DEMO_DEVICE = "Demo authenticator"


def demo_authenticator(user):
    """The demo user's second factor: an authenticator-app key kept in the demo database, so
    `joinedup demo_code USERNAME` can show the code a phone would (real users scan a QR code)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=DEMO_DEVICE, confirmed=True)


def current_code(device) -> str:
    """The code the demo user's authenticator shows now; the next step's code if this one was already
    used (a code works once; one step of clock drift is accepted)."""
    import time

    from django_otp.oath import TOTP

    app = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    app.time = time.time()
    if app.t() <= device.last_t:
        app.time += device.step
    return f"{app.token():0{device.digits}d}"
