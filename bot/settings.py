"""Configuration from environment variables (and a ``.env`` file when present), checked at start-up.

The offices, their admin chats and officials are not here: they are in the offices file (bot/offices.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MOVED_TO_OFFICES = ("ADMIN_CHAT_ID", "OFFICIALS")  # now per office in the offices file (admin_chat, officials)
PILLOW_MEGAPIXELS = 89  # Pillow's own decompression-bomb limit (89,478,485 pixels): a larger cap would not hold


class SettingsError(Exception):
    """A setting is missing or invalid; the message names it."""


@dataclass(frozen=True)
class Settings:
    """Everything main.py needs to wire the service."""

    data_dir: Path = ROOT / "data"
    offices_file: Path = ROOT / "bot" / "offices.yaml"
    vsic_file: Path = ROOT / "flows" / "reference" / "vsic2018.csv"
    flows_dir: Path = ROOT / "flows"
    telegram_token: str = ""
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    telegram_webhook_url: str = ""
    telegram_webhook_secret: str = ""
    telegram_webhook_listen: str = "0.0.0.0"
    telegram_webhook_port: int = 8443
    zalo_token: str = ""
    zalo_base_url: str = "https://bot-api.zaloplatforms.com"
    zalo_webhook_url: str = ""
    zalo_webhook_secret: str = ""
    public_base_url: str = ""
    web_host: str = "127.0.0.1"
    web_port: int = 8090
    sandbox_host: str = "127.0.0.1"
    sandbox_port: int = 8080
    draft_retention_days: int = 30
    lookup_account_limit: int = 5
    lookup_account_window_minutes: int = 60
    lookup_service_limit: int = 5
    lookup_service_window_minutes: int = 1
    photo_max_megapixels: int = 40
    reminders_at: str = "07:00"  # Vietnam time from which each day's reminders go out (citizens' pickups, offices' due list)


def read_dotenv(path: Path) -> dict[str, str]:
    """Read KEY=VALUE lines from a .env file (comments and blank lines ignored)."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        values[key.strip()] = value.strip().strip("'\"")
    return values


def load_settings(environ: dict[str, str] | None = None, dotenv: Path = ROOT / ".env") -> Settings:
    """Build settings from the environment, with .env values as defaults."""
    env = {**read_dotenv(dotenv), **(os.environ if environ is None else environ)}
    defaults = Settings()

    def path(name: str, default: Path) -> Path:
        return Path(env[name]).expanduser() if env.get(name) else default

    def integer(name: str, default: int | None) -> int | None:
        raw = env.get(name, "").strip()
        if not raw:
            return default
        try:
            return int(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None

    moved = [name for name in MOVED_TO_OFFICES if env.get(name, "").strip()]
    if moved:
        raise SettingsError(
            f"{' and '.join(moved)} moved to the offices file (OFFICES_FILE, bot/offices.yaml): set admin_chat and "
            "officials per office there, and remove them from the environment"
        )
    settings = Settings(
        data_dir=path("DATA_DIR", defaults.data_dir),
        offices_file=path("OFFICES_FILE", defaults.offices_file),
        vsic_file=path("VSIC_FILE", defaults.vsic_file),
        flows_dir=path("FLOWS_DIR", defaults.flows_dir),
        telegram_token=env.get("TELEGRAM_BOT_TOKEN", "").strip(),
        telegram_base_url=env.get("TELEGRAM_BASE_URL", "").strip() or defaults.telegram_base_url,
        telegram_base_file_url=env.get("TELEGRAM_BASE_FILE_URL", "").strip() or defaults.telegram_base_file_url,
        telegram_webhook_url=env.get("TELEGRAM_WEBHOOK_URL", "").strip(),
        telegram_webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "").strip(),
        telegram_webhook_listen=env.get("TELEGRAM_WEBHOOK_LISTEN", "").strip() or defaults.telegram_webhook_listen,
        telegram_webhook_port=integer("TELEGRAM_WEBHOOK_PORT", defaults.telegram_webhook_port),
        zalo_token=env.get("ZALO_BOT_TOKEN", "").strip(),
        zalo_base_url=env.get("ZALO_BASE_URL", "").strip() or defaults.zalo_base_url,
        zalo_webhook_url=env.get("ZALO_WEBHOOK_URL", "").strip(),
        zalo_webhook_secret=env.get("ZALO_WEBHOOK_SECRET", "").strip(),
        public_base_url=env.get("PUBLIC_BASE_URL", "").strip(),
        web_host=env.get("WEB_HOST", "").strip() or defaults.web_host,
        web_port=integer("WEB_PORT", defaults.web_port),
        sandbox_host=env.get("SANDBOX_HOST", "").strip() or defaults.sandbox_host,
        sandbox_port=integer("SANDBOX_PORT", defaults.sandbox_port),
        draft_retention_days=integer("DRAFT_RETENTION_DAYS", defaults.draft_retention_days),
        lookup_account_limit=integer("LOOKUP_ACCOUNT_LIMIT", defaults.lookup_account_limit),
        lookup_account_window_minutes=integer("LOOKUP_ACCOUNT_WINDOW_MINUTES", defaults.lookup_account_window_minutes),
        lookup_service_limit=integer("LOOKUP_SERVICE_LIMIT", defaults.lookup_service_limit),
        lookup_service_window_minutes=integer("LOOKUP_SERVICE_WINDOW_MINUTES", defaults.lookup_service_window_minutes),
        photo_max_megapixels=integer("PHOTO_MAX_MEGAPIXELS", defaults.photo_max_megapixels),
        reminders_at=env.get("REMINDERS_AT", "").strip() or defaults.reminders_at,
    )
    if settings.telegram_token and ":" not in settings.telegram_token:
        raise SettingsError("TELEGRAM_BOT_TOKEN does not look like a bot token (expected '<digits>:<letters>')")
    if settings.telegram_webhook_url and not settings.telegram_webhook_secret:
        raise SettingsError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL")
    if settings.zalo_webhook_url and len(settings.zalo_webhook_secret) < 8:
        raise SettingsError("ZALO_WEBHOOK_SECRET (at least 8 characters) is required with ZALO_WEBHOOK_URL")
    if settings.zalo_webhook_url and not settings.public_base_url:
        raise SettingsError("PUBLIC_BASE_URL is required with ZALO_WEBHOOK_URL (where Zalo reaches this server)")
    for name in ("LOOKUP_ACCOUNT_LIMIT", "LOOKUP_ACCOUNT_WINDOW_MINUTES", "LOOKUP_SERVICE_LIMIT", "LOOKUP_SERVICE_WINDOW_MINUTES"):
        if getattr(settings, name.lower()) < 1:
            raise SettingsError(f"{name} must be at least 1, got {getattr(settings, name.lower())}")
    megapixels = settings.photo_max_megapixels
    if not 1 <= megapixels <= PILLOW_MEGAPIXELS:
        raise SettingsError(f"PHOTO_MAX_MEGAPIXELS must be from 1 to {PILLOW_MEGAPIXELS}, got {megapixels}")
    hour, _, minute = settings.reminders_at.partition(":")
    if not (hour.isdigit() and minute.isdigit() and len(minute) == 2 and int(hour) < 24 and int(minute) < 60):
        raise SettingsError(f"REMINDERS_AT must be a time of day as HH:MM (Vietnam time), got {settings.reminders_at!r}")
    if not 0 < settings.sandbox_port < 65536:
        raise SettingsError(f"SANDBOX_PORT must be a port number, got {settings.sandbox_port}")
    return settings
