"""The kill test: the real bot process (python main.py, tests/kill/bot_process.py) is SIGKILLed at 50 or more
random moments while a citizen files a birth registration over the sandbox and an official accepts it.

Each input is followed by a SIGKILL after a random delay, mostly within the first 80 ms (while the update is
being stored, processed, committed and its replies sent), else up to 0.6 s (a photo download and check, the
album's gathering, the card's post after the submit), and often by a second one a few milliseconds after the
restarted bot says it serves (while it catches up on what the first kill interrupted). The citizen never sends anything twice, yet
gets every reply; the dossier exists once and its card is in the admin chat. Measured and printed: kills,
inputs lost, replies lost, duplicate messages. The asserts do not depend on where the kills land.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sandbox import demo
from sandbox.client import SandboxClient
from sandbox.server import SandboxServer
from tests import imagegen
from tests.e2e.chat import BIRTH_ANSWERS, BIRTH_CHILD, BIRTH_FINISH, BIRTH_PARENTS

ROOT = Path(__file__).resolve().parent.parent
ADMIN_CHAT, CITIZEN, OFFICIAL = -1001, 1001, 2001
MIN_KILLS = 50
SEED = 20261203
REPLY_TIMEOUT = 30.0
SPARES = 2  # processes kept warm (imports done): two kills can come within half a second

STEPS: list[tuple[str, object, object]] = [
    ("say", "/start", "Ông/Bà muốn làm thủ tục gì"),
    ("press", "Đăng ký khai sinh", "Đồng ý xử lý dữ liệu cá nhân"),
    ("press", "✅ Tôi đồng ý", "là gì của cháu bé"),
    ("press", "Cha", "Chụp căn cước"),
    ("album", (1, 2), "Họ và tên đầy đủ"),
    *[("say", text, expect) for text, expect in BIRTH_ANSWERS],
    *BIRTH_CHILD,
    ("say", "Bệnh viện Đa khoa tỉnh Tây Ninh", "Có khai thông tin người mẹ"),
    *BIRTH_PARENTS,
    ("photo", 4, lambda m: "✅ Xong (1 ảnh)" in str(m.get("reply_markup"))),  # the question after "Đã nhận 1/2 ảnh"
    *BIRTH_FINISH,
    ("press", "📨 Gửi hồ sơ", lambda m: bool(m.get("photo"))),  # the receipt ("Mã hồ sơ:"), then its QR image
]


class Bot:
    """The bot process, restarted warm: a spare has done its imports and waits for the word to serve."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.path, self.log = env, log, log.open("ab")
        self.started_at = 0  # the log's size when the current process was started
        self.spares = [self._spawn() for _ in range(SPARES)]
        self.current: subprocess.Popen | None = None
        self.kills = 0

    def _spawn(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "tests.kill.bot_process"], cwd=ROOT, env=self.env,
                                stdin=subprocess.PIPE, stdout=self.log, stderr=self.log)

    def start(self) -> None:
        self.current = self.spares.pop(0)
        self.spares.append(self._spawn())
        self.log.flush()
        self.started_at = self.path.stat().st_size
        self.current.stdin.write(b"serve\n")
        self.current.stdin.flush()

    async def serving(self, timeout: float = 20.0) -> None:
        """Wait until the current process says it serves (it has resumed the inbox and the outbox)."""
        deadline = time.monotonic() + timeout
        while b"motcua is serving" not in self.path.read_bytes()[self.started_at:]:
            if time.monotonic() > deadline:
                self.current.send_signal(signal.SIGUSR1)
                raise AssertionError(f"the bot did not start in {timeout}s; see {self.path}")
            await asyncio.sleep(0.005)

    def kill(self) -> None:
        self.current.send_signal(signal.SIGKILL)
        self.current.wait()
        self.kills += 1

    def close(self) -> None:
        for process in (self.current, *self.spares):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.log.close()


@pytest.fixture
async def sandbox():
    server = SandboxServer("127.0.0.1", 0, rate_limits=False)
    server.add_bot(demo.TOKEN, "motcua_bot", "Một cửa")
    await server.start()
    client = SandboxClient(server.base_url)
    citizen = await client.user(CITIZEN, "Chị Lan")
    official = await client.user(OFFICIAL, "Cán bộ Hòa")
    await client.group(ADMIN_CHAT, "Bộ phận Một cửa – cán bộ", [OFFICIAL], bot_status="administrator")
    try:
        yield server, citizen, official
    finally:
        await client.close()
        await server.stop()


async def act(person, kind: str, arg, chat_id: int | None = None) -> None:
    if kind == "say":
        await person.send(arg, chat_id=chat_id)
    elif kind == "press":
        await person.click(arg, chat_id=chat_id, wait_answer=0.0)
    elif kind == "photo":
        await person.send_photo(imagegen.document_photo(seed=arg))
    elif kind == "album":
        await person.send_album([imagegen.document_photo(seed=seed, title=f"MẶT {seed}") for seed in arg])


def duplicates(messages: list[dict], me: int) -> int:
    """Count bot messages repeating one already sent in answer to the same input."""
    count, seen = 0, set()
    for message in messages:
        if not (message.get("from") or {}).get("is_bot"):
            seen = set()
            continue
        key = (message.get("text") or message.get("caption") or "", bool(message.get("photo")))
        count += key in seen
        seen.add(key)
    return count


async def test_nothing_is_lost_when_the_bot_is_killed_at_random_moments(sandbox, tmp_path):
    server, citizen, official = sandbox
    data = tmp_path / "data"
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": demo.TOKEN, "TELEGRAM_BASE_URL": server.bot_api_url,
           "TELEGRAM_BASE_FILE_URL": server.file_url, "DATA_DIR": str(data),
           "ZALO_BOT_TOKEN": "", "PYTHONUNBUFFERED": "1"}  # bot/offices.yaml: chat -1001, official 2001
    rng = random.Random(SEED)
    inputs_lost: list[str] = []

    def version() -> tuple:
        """The citizen's session and the dossiers as stored: an applied input changes them."""
        if not (data / "motcua.sqlite").exists():
            return ()
        db = sqlite3.connect(f"file:{data / 'motcua.sqlite'}?mode=ro", uri=True)
        try:
            session = db.execute("SELECT version FROM sessions WHERE key = ?", [f"telegram:{CITIZEN}"]).fetchall()
            dossier = db.execute("SELECT version FROM dossiers").fetchall() if "dossiers" in {r[0] for r in db.execute("SELECT name FROM sqlite_master")} else []
            return (session, dossier)
        finally:
            db.close()

    bot = Bot(env, tmp_path / "bot.log")
    replies_lost: list[str] = []
    started = time.monotonic()
    inputs = [(citizen, kind, arg, expect, None) for kind, arg, expect in STEPS]
    inputs.append((official, "card", "✅ Tiếp nhận", "đã được tiếp nhận", ADMIN_CHAT))
    try:
        bot.start()
        await bot.serving()
        for number, (person, kind, arg, expect, _chat) in enumerate(inputs):
            before = version()
            if kind == "card":  # the official presses Accept on the dossier's card
                card = await official.wait_for(lambda m: "Trạng thái:" in (m.get("text") or ""), chat_id=ADMIN_CHAT, timeout=REPLY_TIMEOUT)
                await official.click(arg, chat_id=ADMIN_CHAT, message_id=card["message_id"], wait_answer=0.0)
            else:
                await act(person, kind, arg)
            await asyncio.sleep(rng.uniform(0.0, 0.08) if rng.random() < 0.7 else rng.uniform(0.08, 0.6))
            bot.kill()
            bot.start()
            left = len(inputs) - number - 1
            if rng.random() < 0.5 or MIN_KILLS - bot.kills > left:  # kill again while it catches up
                await bot.serving()
                await asyncio.sleep(rng.uniform(0.0, 0.05))
                bot.kill()
                bot.start()
            try:
                await citizen.wait_for(expect, timeout=REPLY_TIMEOUT)
            except AssertionError:  # lost: the input if nothing it changes was stored, else its reply
                (inputs_lost if version() == before else replies_lost).append(str(arg))
                break
        await asyncio.sleep(1.0)  # let the last sends finish before looking
        bot.current.send_signal(signal.SIGTERM)
        bot.current.wait(15)
    finally:
        bot.close()
    seconds = time.monotonic() - started

    db = sqlite3.connect(data / "motcua.sqlite")
    dossiers = db.execute("SELECT receipt_code, state, admin_message_id FROM dossiers").fetchall()
    unprocessed = db.execute("SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL").fetchone()[0]
    unsent = db.execute("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')").fetchone()[0]
    card_attempts = db.execute("SELECT attempts FROM outbox WHERE dossier_id IS NOT NULL").fetchall()
    db.close()
    chat = await citizen.messages()
    admin = await official.messages(ADMIN_CHAT)
    code = dossiers[0][0] if dossiers else "?"
    cards = [m for m in admin if f"Hồ sơ {code}" in (m.get("text") or "") and "Trạng thái:" in (m.get("text") or "")]
    reposted = sum(attempts - 1 for (attempts,) in card_attempts)
    receipts_qr = [m for m in chat if m.get("photo") and (m.get("from") or {}).get("is_bot")]
    receipt = any("Mã hồ sơ:" in (m.get("text") or "") for m in chat)
    report = (f"kill test: {bot.kills} kills in {seconds:.0f}s; inputs lost {len(inputs_lost)} {inputs_lost}, replies lost {len(replies_lost)} "
              f"{replies_lost}, duplicate messages {duplicates(chat, CITIZEN)} to the citizen, cards posted {len(cards)} "
              f"(re-posted after a kill mid-post: {reposted})")
    print(report)
    assert bot.kills >= MIN_KILLS
    assert inputs_lost == [] and unprocessed == 0, report
    assert replies_lost == [], report
    assert len(dossiers) == 1 and dossiers[0][1] == "accepted" and dossiers[0][2] is not None, report
    assert len(cards) == 1 + reposted and len(cards) >= 1, report  # once, unless a kill hit the post itself
    assert receipt and receipts_qr, "the receipt and its QR image are delivered"
    assert unsent == 0, report
