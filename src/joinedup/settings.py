"""JoinedUp settings: one module, every knob from the environment, parsed strictly.

A malformed value stops start-up with a message naming the variable, so a typo in production
configuration never silently changes behaviour. Every variable is documented in docs/operator-guide.md
(a test checks that).
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(envstr("JOINEDUP_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = envbool("JOINEDUP_DEBUG", "false")
SECRET_KEY = envstr("JOINEDUP_SECRET_KEY", "")
if not SECRET_KEY:
    # A per-checkout key kept under var/, so a laptop demo needs no configuration and no key is
    # ever committed. Production sets JOINEDUP_SECRET_KEY.
    _key_file = VAR_DIR / "secret_key"
    if _key_file.exists():
        SECRET_KEY = _key_file.read_text().strip()
    else:
        import secrets

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        SECRET_KEY = secrets.token_urlsafe(50)
        _key_file.write_text(SECRET_KEY)
        _key_file.chmod(0o600)

ALLOWED_HOSTS = envlist("JOINEDUP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("JOINEDUP_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "joinedup.core",
    "joinedup.records",
    "joinedup.language",
    "joinedup.identity",
    "joinedup.coredata",
    "joinedup.sharing",
    "joinedup.restrictions",
    "joinedup.dataprotection",
    "joinedup.retention",
    "joinedup.casework",
    "joinedup.public",  # the public reporting page, /report/ (no sign-in; see the settings below)
    "joinedup.outcomes",
    "joinedup.integrity",
    "joinedup.api",
    "joinedup.web",
    "joinedup.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Signing in and security (joinedup.accounts): idle sign-out, then the second-factor gate.
    "django_otp.middleware.OTPMiddleware",
    "joinedup.accounts.middleware.IdleTimeoutMiddleware",
    "joinedup.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "joinedup.urls"
WSGI_APPLICATION = "joinedup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'joinedup.db'}"
DATABASE_URL = envstr("JOINEDUP_DATABASE_URL", DEFAULT_DATABASE_URL)
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=envint("JOINEDUP_DB_CONN_MAX_AGE", "60"))
except ValueError as exc:
    raise ImproperlyConfigured(f"JOINEDUP_DATABASE_URL is not a database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        # IMMEDIATE takes the write lock at the start of each transaction, so two writers wait for
        # each other (up to the timeout) instead of failing half-way with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("JOINEDUP_SQLITE_TIMEOUT", "30"),
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
        ),
    }
    if _db["NAME"] and _db["NAME"] != ":memory:":
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["TEST"] = {"NAME": envstr("JOINEDUP_SQLITE_TEST_NAME", "") or None}
DATABASES = {"default": _db}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request if it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

SESSION_COOKIE_AGE = envint("JOINEDUP_SESSION_SECONDS", "28800")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Signing in and security (docs/operator-guide.md, "Signing in and security"). Outside debug, cookies are
# sent over HTTPS only, plain HTTP is redirected to HTTPS and browsers are told to insist on HTTPS (HSTS);
# the laptop demo on http://127.0.0.1 turns the first two off (`joinedup serve --plain-http`).
_SECURE_DEFAULT = "false" if DEBUG else "true"
SESSION_COOKIE_SECURE = envbool("JOINEDUP_SECURE_COOKIES", _SECURE_DEFAULT)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("JOINEDUP_SSL_REDIRECT", _SECURE_DEFAULT)
SECURE_HSTS_SECONDS = envint("JOINEDUP_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("JOINEDUP_HSTS_INCLUDE_SUBDOMAINS", "true")
SECURE_HSTS_PRELOAD = envbool("JOINEDUP_HSTS_PRELOAD", "true")
# Behind a reverse proxy that ends TLS, e.g. "HTTP_X_FORWARDED_PROTO,https".
_PROXY_SSL = envlist("JOINEDUP_PROXY_SSL_HEADER", "")
if _PROXY_SSL and len(_PROXY_SSL) != 2:
    raise ImproperlyConfigured("JOINEDUP_PROXY_SSL_HEADER must be HEADER,value, e.g. HTTP_X_FORWARDED_PROTO,https")
SECURE_PROXY_SSL_HEADER = tuple(_PROXY_SSL) if _PROXY_SSL else None
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # only to read hashes made before Argon2, rehashed on sign-in
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = envint("JOINEDUP_LOCKOUT_FAILURES", "5")
AXES_COOLOFF_TIME = _dt.timedelta(minutes=envint("JOINEDUP_LOCKOUT_MINUTES", "30"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "joinedup.accounts.lockout.lockout_response"
AXES_VERBOSE = False
JOINEDUP_IDLE_MINUTES = envint("JOINEDUP_IDLE_MINUTES", "30")
OTP_TOTP_ISSUER = envstr("JOINEDUP_OTP_ISSUER", "JoinedUp")
OTP_TOTP_THROTTLE_FACTOR = 1
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "joinedup.api.authentication.AgencySystemTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "JoinedUp API",
    "DESCRIPTION": "Agency systems submit concerns in the JoinedUp interchange format "
    "(joinedup.concern/1) and read what they are entitled to.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Statutory clocks (England). Configuration, not code: another nation changes these.
JOINEDUP_HOLIDAY_COUNTRY = envstr("JOINEDUP_HOLIDAY_COUNTRY", "GB")
JOINEDUP_HOLIDAY_SUBDIVISION = envstr("JOINEDUP_HOLIDAY_SUBDIVISION", "ENG")
JOINEDUP_LOCAL_TIME_ZONE = envstr("JOINEDUP_LOCAL_TIME_ZONE", "Europe/London")
# Deadline rules (core/deadlines.py DEFAULT_RULES); a TOML file here overrides any of them.
JOINEDUP_CLOCK_RULES_FILE = envstr("JOINEDUP_CLOCK_RULES_FILE", "")
JOINEDUP_SCREENING_RULES_FILE = envstr("JOINEDUP_SCREENING_RULES_FILE", "")
# Retention rules by record type (retention/rules.py RULES); a TOML file here changes or adds them.
JOINEDUP_RETENTION_RULES_FILE = envstr("JOINEDUP_RETENTION_RULES_FILE", "")
JOINEDUP_RESTRICTION_REVIEW_DAYS = envint("JOINEDUP_RESTRICTION_REVIEW_DAYS", "90")
JOINEDUP_BREAK_GLASS_MINUTES = envint("JOINEDUP_BREAK_GLASS_MINUTES", "60")

# Child matching thresholds (points on the matcher's log-odds scale; see records/matching.py).
JOINEDUP_MATCH_AUTO_LINK = envint("JOINEDUP_MATCH_AUTO_LINK", "13")
JOINEDUP_MATCH_REVIEW = envint("JOINEDUP_MATCH_REVIEW", "6")

# Entity linkage: "probabilistic" (normalised keys, partial plates, scored people) or "exact" (only
# identifiers exactly as written: the naive baseline the evaluation compares against).
JOINEDUP_LINKAGE = envstr("JOINEDUP_LINKAGE", "probabilistic")
if JOINEDUP_LINKAGE not in ("probabilistic", "exact"):
    raise ImproperlyConfigured(f"JOINEDUP_LINKAGE must be probabilistic or exact, not {JOINEDUP_LINKAGE!r}")

# Import: records per transaction. A kill loses at most one batch, which a re-run then imports.
JOINEDUP_IMPORT_BATCH = envint("JOINEDUP_IMPORT_BATCH", "500")
JOINEDUP_MAX_LINE_BYTES = envint("JOINEDUP_MAX_LINE_BYTES", str(1024 * 1024))

# The caseload above which a worker is shown as over a safe limit on the team page (local policy).
JOINEDUP_SAFE_CASELOAD = envint("JOINEDUP_SAFE_CASELOAD", "18")

# Backups (`joinedup backup` / `restore`, joinedup.integrity): the encryption secret, given directly or as
# a file (a *_FILE secret, e.g. a mounted Docker/Kubernetes secret), never both; where backups go; and
# where PostgreSQL's pg_dump/pg_restore are (empty: found automatically).
JOINEDUP_BACKUP_KEY = envstr("JOINEDUP_BACKUP_KEY", "")
JOINEDUP_BACKUP_KEY_FILE = envstr("JOINEDUP_BACKUP_KEY_FILE", "")
if JOINEDUP_BACKUP_KEY and JOINEDUP_BACKUP_KEY_FILE:
    raise ImproperlyConfigured("set JOINEDUP_BACKUP_KEY or JOINEDUP_BACKUP_KEY_FILE, not both")
JOINEDUP_BACKUP_DIR = Path(envstr("JOINEDUP_BACKUP_DIR", str(VAR_DIR / "backups")))
JOINEDUP_PG_BIN_DIR = envstr("JOINEDUP_PG_BIN_DIR", "")

# The public reporting page (/report/, joinedup.public). It needs no sign-in and no second factor:
# keep /report/ open in any sign-in or second-factor gate, and its pages use no inline script or style
# (a strict CSP passes). Limits per client address are counted in the database, so every gunicorn
# worker shares them; 0 turns a limit off.
JOINEDUP_PUBLIC_AGENCY_NAME = envstr("JOINEDUP_PUBLIC_AGENCY_NAME", "Public reporting page")
JOINEDUP_PUBLIC_REPORT_LIMIT = envint("JOINEDUP_PUBLIC_REPORT_LIMIT", "5")
JOINEDUP_PUBLIC_FOLLOW_UP_LIMIT = envint("JOINEDUP_PUBLIC_FOLLOW_UP_LIMIT", "20")
JOINEDUP_PUBLIC_RATE_WINDOW_SECONDS = envint("JOINEDUP_PUBLIC_RATE_WINDOW_SECONDS", "3600")
# Behind our own reverse proxy: the header it puts the client's address in (its last entry is used).
JOINEDUP_PUBLIC_CLIENT_IP_HEADER = envstr("JOINEDUP_PUBLIC_CLIENT_IP_HEADER", "")
JOINEDUP_PUBLIC_MAX_CHARS = envint("JOINEDUP_PUBLIC_MAX_CHARS", "5000")
JOINEDUP_PUBLIC_MAX_BODY_BYTES = envint("JOINEDUP_PUBLIC_MAX_BODY_BYTES", "131072")

# Email (escalations). The console backend prints messages; production sets SMTP.
_EMAIL_BACKEND = envstr("JOINEDUP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {"default": {"BACKEND": _EMAIL_BACKEND}}
if _EMAIL_BACKEND.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": envstr("JOINEDUP_EMAIL_HOST", "localhost"),
        "port": envint("JOINEDUP_EMAIL_PORT", "25"),
        "username": envstr("JOINEDUP_EMAIL_USER", ""),
        "password": envstr("JOINEDUP_EMAIL_PASSWORD", ""),
        "use_tls": envbool("JOINEDUP_EMAIL_TLS", "false"),
    }
DEFAULT_FROM_EMAIL = envstr("JOINEDUP_EMAIL_FROM", "joinedup@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("JOINEDUP_LOG_LEVEL", "WARNING")},
}
