"""Headway settings: one module, driven by environment variables.

Defaults give a working single-machine install: SQLite in a data directory,
console email, a generated secret key kept beside the database.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

# Forms and fields name their types (forms.ModelForm[Goal], forms.ModelChoiceField[Stage]) for
# the type check; this makes those subscripts work at run time too.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no variable, unset or empty meaning the default. Anything but the words below is
    refused: a typo such as DEBUG=ture must stop the start-up, not quietly mean off."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() in {"true", "1", "yes", "on"}:
        return True
    if raw.lower() in {"false", "0", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value: use true/false, 1/0, yes/no or on/off "
        "(in any case), or leave it unset for the default"
    )


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def default_data_dir() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "headway"


DATA_DIR = Path(env("HEADWAY_DATA_DIR") or default_data_dir()).expanduser().resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _persisted_secret_key(path: Path) -> str:
    # Generated once per install and kept out of the repository and the database,
    # so sessions and signed links survive restarts without anyone committing a key.
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_urlsafe(50)
    path.touch(mode=0o600)
    path.write_text(key)
    return key


SECRET_KEY = env("SECRET_KEY") or _persisted_secret_key(DATA_DIR / "secret_key")


def _persisted_encryption_keys(path: Path) -> list[str]:
    # Fernet keys for private notes and journals, newest first, one per line. Like the
    # secret key they live outside the database: a copy of the database alone reads nothing.
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode() + "\n")
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


# Several web processes (PostgreSQL) share keys through HEADWAY_ENCRYPTION_KEYS instead.
ENCRYPTION_KEYS_FILE = DATA_DIR / "encryption_keys"
ENCRYPTION_KEYS_FROM_ENV = bool(env("HEADWAY_ENCRYPTION_KEYS"))
ENCRYPTION_KEYS = env_list("HEADWAY_ENCRYPTION_KEYS") or _persisted_encryption_keys(
    ENCRYPTION_KEYS_FILE
)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Headway"
# Coaches' calendar addresses on this machine or a private network are refused (a typed
# address must not reach what only the server can); on for a calendar server of your own.
HEADWAY_CALENDARS_PRIVATE_OK = env_bool("HEADWAY_CALENDARS_PRIVATE_OK", False)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "ninja",
    "headway.accounts",
    "headway.practices",
    "headway.coaching",
    "headway.engagements",
    "headway.onet",
    "headway.exploration",
    "headway.discovery",
    "headway.feeds",
    "headway.planning",
    "headway.decisions",
    "headway.goals",
    "headway.meetings",
    "headway.booking",
    "headway.checkins",
    "headway.replies",
    "headway.reminders",
    "headway.concluding",
    "headway.offsites",
    "headway.review",
    "headway.privacy",
    "headway.overview",
    "headway.worker",
    "headway.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "headway.accounts.middleware.SessionTimeoutMiddleware",
    "headway.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "headway.urls"
WSGI_APPLICATION = "headway.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "headway.accounts.context_processors.roles",
            ],
        },
    }
]

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL's JIT compiles a query whose estimated cost is high, which on a web
        # app's short queries costs far more than it saves (0.8 s on the dashboard when the
        # statistics lag behind a bulk load): off for our connections.
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "headway.sqlite3"),
            "OPTIONS": {
                # WAL lets the web process read while the worker writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
if test_name := env("HEADWAY_TEST_DATABASE"):
    DATABASES["default"]["TEST"] = {"NAME": test_name}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
# Sessions end after this long without a request (headway.accounts.middleware), and in any
# case this long after logging in.
HEADWAY_SESSION_IDLE_MINUTES = int(env("HEADWAY_SESSION_IDLE_MINUTES", "120"))
SESSION_COOKIE_AGE = int(env("HEADWAY_SESSION_MAX_DAYS", "14")) * 24 * 60 * 60
LOGOUT_REDIRECT_URL = "login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise expects it even when serving from app folders
# Serve straight from the app folders: no collectstatic step for a local install.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "uploads"
MEDIA_URL = "uploads/"

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Headway <headway@localhost>")

TASKS = {
    "default": {
        "BACKEND": env("HEADWAY_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# HTTPS: on by default in production, that is with DEBUG off and either an https SITE_URL or
# a host name other than this machine's in ALLOWED_HOSTS. Local use (`make run`, the tests)
# keeps the loopback defaults and stays on plain http; HEADWAY_HTTPS says it outright.
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "testserver"}
HTTPS = env_bool(
    "HEADWAY_HTTPS",
    not DEBUG
    and (SITE_URL.startswith("https://") or any(h not in _LOCAL_HOSTS for h in ALLOWED_HOSTS)),
)
SECURE_SSL_REDIRECT = HTTPS
# Behind a reverse proxy that ends TLS, trust its X-Forwarded-Proto (and only then: a client
# could send the header itself), or every request looks like http and redirects forever.
if env_bool("HEADWAY_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("HEADWAY_HSTS_SECONDS", "31536000")) if HTTPS else 0
# Subdomains and the browsers' preload list are commitments for the whole domain, so they
# are the operator's to opt into; until then the deploy check's reminders are silenced.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HEADWAY_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("HEADWAY_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
# Email: SMTP when EMAIL_HOST is set. Otherwise, in production (HTTPS on) the machine's own
# mail server on localhost:25, as most servers have one; locally, printed to the console.
_email_host = env("EMAIL_HOST") or ("localhost" if HTTPS else "")
if _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": int(env("EMAIL_PORT", "25")),
                "username": env("EMAIL_HOST_USER") or None,
                "password": env("EMAIL_HOST_PASSWORD") or None,
                "use_tls": env_bool("EMAIL_USE_TLS"),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy: every script and style is a file of ours; nothing inline (no
# nonces needed), nothing from another origin. SVG charts are inline markup, which is fine.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {"django_tasks_db": {"level": "INFO"}},
}
