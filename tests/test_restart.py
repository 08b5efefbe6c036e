"""Kill the process mid-filing (SIGKILL, no clean shutdown) and start it again: nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests import imagegen

ROOT = Path(__file__).parent.parent


class Terminal:
    """``python main.py simulate`` in a child process, driven line by line."""

    def __init__(self, data_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-u", "main.py", "simulate", "birth_registration"],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            env={**os.environ, "DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"},
        )
        os.set_blocking(self.process.stdout.fileno(), False)
        self.output = ""

    def read_until(self, fragment: str, timeout: float = 60.0) -> str:
        """Read output until the fragment appears; return everything read since the last call."""
        start, seen = time.monotonic(), len(self.output)
        while fragment not in self.output[seen:]:
            chunk = self.process.stdout.read()
            if chunk:
                self.output += chunk.decode("utf-8", "replace")
            elif self.process.poll() is not None:
                raise AssertionError(f"process ended before {fragment!r}:\n{self.output[seen:]}")
            elif time.monotonic() - start > timeout:
                raise AssertionError(f"no {fragment!r} within {timeout}s:\n{self.output[seen:]}")
            else:
                time.sleep(0.02)
        return self.output[seen:]

    def say(self, line: str, until: str) -> str:
        """Type one line and wait for a reply containing ``until``."""
        self.process.stdin.write((line + "\n").encode("utf-8"))
        self.process.stdin.flush()
        return self.read_until(until)

    def kill(self) -> None:
        """Kill the process the hard way."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def test_killed_and_restarted_process_resumes_with_nothing_lost(tmp_path):
    data = tmp_path / "data"
    front, back = tmp_path / "front.jpg", tmp_path / "back.jpg"
    front.write_bytes(imagegen.document_photo(seed=101))
    back.write_bytes(imagegen.document_photo(seed=102))

    first = Terminal(data)
    first.read_until("Tôi đồng ý")
    first.say("#1", "là gì của cháu bé")
    first.say("Cha", "căn cước")
    first.say(f"{front} {back}", "Họ và tên đầy đủ")
    first.say("Trần Văn Bình", "Số định danh cá nhân")
    first.say("001093012345", "Nơi cư trú hiện nay")
    first.kill()

    second = Terminal(data)
    resumed = second.read_until("Nơi cư trú hiện nay")
    assert "Bắt đầu khai hồ sơ" not in resumed, "a restart must not start the filing over"
    second.say("/back", "001093012345")
    second.say("/review", "chưa khai xong")
    second.say("001093012345", "Nơi cư trú hiện nay")
    second.kill()

    from bot.events import Citizen
    from storage.database import open_database
    from bot.desk import load_session

    db = open_database(data / "motcua.sqlite")
    session = load_session(db, Citizen("sim", "terminal"))
    assert session.step == "requester_residence"
    assert session.answers["requester_name"] == "Trần Văn Bình"
    assert session.answers["requester_id"] == "001093012345"
    assert len(session.answers["requester_id_card"]) == 2
    for photo in session.answers["requester_id_card"]:
        stored = list((data / "blobs" / photo["sha256"][:2]).glob(photo["sha256"] + ".*"))
        assert stored, "the photos sent before the crash are still on disk"
