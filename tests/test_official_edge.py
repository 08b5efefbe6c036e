"""An official's press that fails is still answered: a case id to the admin chat and to the official."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import main
from bot.desk import VIETNAM
from bot.edge import serve_official
from bot.effects import AdminPost, Toast
from bot.events import Official, OfficialPressed
from bot.settings import Settings


class AdminChat:
    def __init__(self) -> None:
        self.posts: list[AdminPost] = []

    async def post(self, post: AdminPost) -> None:
        self.posts.append(post)

    async def edit_card(self, edit) -> None:
        pass


async def test_a_failing_press_is_answered_with_a_case_id(tmp_path, monkeypatch):
    settings = replace(Settings(), data_dir=tmp_path / "data", officials=frozenset({2001}))
    services = main.build(settings, clock=lambda: datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM))
    services.dispatcher.admin = chat = AdminChat()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.backoffice, "press", broken)
    answered: list = []

    async def answer(effects):
        answered.extend(effects)

    services.sender.start()
    await serve_official(services.desk, services.dispatcher, OfficialPressed(Official("2001", "Cán bộ Hòa"), "ox"), answer)
    assert await services.sender.idle()  # the admin chat's apology goes through the outbox
    await services.sender.stop()
    services.db.close()
    assert [type(e) for e in answered] == [Toast] and answered[0].alert
    case = answered[0].text.params["case"]
    assert [p.text.key for p in chat.posts] == ["admin-sorry"] and chat.posts[0].text.params == {"case": case}
    assert "disk on fire" not in str(answered) + str(chat.posts)
