"""Invalid configuration stops start-up with a message that names the setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.offices import OfficeError, load_offices
from bot.settings import SettingsError, load_settings

ROOT = Path(__file__).parent.parent
TOKEN = "123456:ABCdef"


def settings_from(**env):
    return load_settings(environ=env, dotenv=Path("/nonexistent/.env"))


def test_no_token_means_the_sandbox_defaults():
    settings = settings_from()
    assert settings.telegram_token == "" and settings.sandbox_port == 8080
    assert settings.telegram_base_url == "https://api.telegram.org/bot"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_CHAT_ID": "-1"}, "ADMIN_CHAT_ID moved to the offices file"),
        ({"OFFICIALS": "12, 13"}, "OFFICIALS moved to the offices file"),
        ({"SANDBOX_PORT": "99999"}, "SANDBOX_PORT"),
        ({"TELEGRAM_WEBHOOK_URL": "https://x.example/telegram"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"ZALO_BOT_TOKEN": "z", "ZALO_WEBHOOK_URL": "https://x.example/zalo/webhook", "ZALO_WEBHOOK_SECRET": "short"}, "ZALO_WEBHOOK_SECRET"),
        ({"DRAFT_RETENTION_DAYS": "a month"}, "DRAFT_RETENTION_DAYS"),
    ],
)
def test_invalid_settings_are_named(env, named):
    with pytest.raises(SettingsError, match=named):
        settings_from(**env)


def test_dotenv_is_read_and_an_old_admin_chat_there_is_refused(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"# production\nTELEGRAM_BOT_TOKEN={TOKEN}\nOFFICES_FILE=/srv/offices.yaml\n", encoding="utf-8")
    settings = load_settings(environ={}, dotenv=dotenv)
    assert settings.telegram_token == TOKEN and str(settings.offices_file) == "/srv/offices.yaml"
    dotenv.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nADMIN_CHAT_ID=-100200\nOFFICIALS=11, 22\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="admin_chat and officials per office"):
        load_settings(environ={}, dotenv=dotenv)


def test_an_incomplete_offices_file_is_refused(tmp_path):
    path = tmp_path / "offices.yaml"
    path.write_text("offices:\n  - code: X\n    name: UBND\n", encoding="utf-8")
    with pytest.raises(OfficeError, match="lacks address, hours"):
        load_offices(path)


def test_main_refuses_to_start_and_names_the_setting(tmp_path):
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "ADMIN_CHAT_ID": "-1", "DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "ADMIN_CHAT_ID moved to the offices file" in result.stderr and TOKEN not in result.stderr


def test_main_refuses_to_start_on_telegram_with_an_office_without_officials(tmp_path):
    offices = tmp_path / "offices.yaml"
    offices.write_text("offices:\n  - code: X\n    commune: '25459'\n    name: UBND\n    address: A\n    hours: H\n"
                       "    admin_chat: -1\n", encoding="utf-8")
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "OFFICES_FILE": str(offices), "DATA_DIR": str(tmp_path)}
    for name in ("ADMIN_CHAT_ID", "OFFICIALS"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no officials" in result.stderr and TOKEN not in result.stderr


def test_the_offices_phone_is_read_and_optional(tmp_path):
    path = tmp_path / "offices.yaml"
    office = "  - code: X\n    name: UBND\n    address: A\n    hours: H\n"
    path.write_text(f"offices:\n{office}    phone: '0276 000 0000'\n{office}", encoding="utf-8")
    first, second = load_offices(path)
    assert first.phone == "0276 000 0000" and second.phone == ""


def _offices_file(tmp_path, offices: str) -> Path:
    path = tmp_path / "offices.yaml"
    path.write_text("province: Tây Ninh\noffices:\n" + offices, encoding="utf-8")
    return path


GOOD = "  - {code: A1, commune: '25459', name: UBND A, address: A, hours: H, admin_chat: -1, officials: [1]}\n"


@pytest.mark.parametrize("second, refused", [
    ("  - {code: A1, commune: '25486', name: UBND B, address: B, hours: H, admin_chat: -2, officials: [2]}\n", "unit code A1 is used"),
    ("  - {code: B1, commune: '99999', name: UBND B, address: B, hours: H, admin_chat: -2, officials: [2]}\n", "unknown commune code 99999"),
    ("  - {code: B1, commune: '25486', name: UBND B, address: B, hours: H, admin_chat: -2}\n", "no officials"),
    ("  - {code: B1, commune: '25486', name: UBND B, address: B, hours: H, officials: [2]}\n", "no admin_chat"),
    ("  - {code: B1, commune: '25459', name: UBND B, address: B, hours: H, admin_chat: -2, officials: [2]}\n", "already served"),
])
def test_check_refuses_offices_a_province_could_not_run(tmp_path, second, refused):
    env = {**os.environ, "OFFICES_FILE": str(_offices_file(tmp_path, GOOD + second)), "DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "main.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and refused in result.stderr


def test_the_generated_province_file_lists_every_commune_and_passes_the_check(tmp_path):
    from flows import places

    example = ROOT / "sandbox" / "offices" / "tay-ninh.yaml"
    offices = load_offices(example)
    assert {office.commune for office in offices} == {commune.code for commune in places.communes("80")}
    env = {**os.environ, "OFFICES_FILE": str(example), "DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "main.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_offices_are_found_by_commune_chat_and_official(tmp_path):
    second = "  - {code: B1, commune: '25486', name: UBND B, address: B, hours: H, admin_chat: -2, officials: [2, 1]}\n"
    offices = load_offices(_offices_file(tmp_path, GOOD + second))
    assert offices.for_commune("25486").code == "B1" and offices.for_commune("27727") is None
    assert [o.code for o in offices.in_chat(-1)] == ["A1"]
    assert [o.code for o in offices.of_official(1)] == ["A1", "B1"] and [o.code for o in offices.of_official(2)] == ["B1"]
