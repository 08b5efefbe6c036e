"""The sender and the outbox: what a crash leaves 'sending' is decided by kind, failures by what they mean."""

from __future__ import annotations

import asyncio

from bot.dispatch import Dispatcher
from bot.effects import AdminPost, Button, Say, Text
from bot.outgoing import decode, encode
from bot.sender import Limits, Sender
from storage import outbox
from storage.database import open_database, transaction


class Refused(Exception):
    pass


class Busy(Exception):
    pass


class Channel:
    """A citizen channel and admin chat that records what it sends and fails as told."""

    name = "telegram"

    def __init__(self) -> None:
        self.sent: list = []
        self.chats: list = []  # the admin chat of each post and edit
        self.failures: dict[str, list[Exception]] = {}

    async def send_to_citizen(self, user_id, effects, language):
        failures = self.failures.get(effects[0].text.key)
        if failures:
            raise failures.pop(0)
        self.sent += [(user_id, e.text.key) for e in effects]
        return len(self.sent)

    async def post(self, post, chat=None):
        self.sent.append(("admin", post.text.key))
        self.chats.append(chat)
        return 77

    async def edit_card(self, edit, chat=None):
        self.sent.append(("edit", edit.message_id))
        self.chats.append(chat)

    def failure(self, error):
        return ("not_sent", 0.0) if isinstance(error, Busy) else ("refused", 0.0)


def setup(tmp_path):
    db = open_database(tmp_path / "db.sqlite")
    channel = Channel()
    dispatcher = Dispatcher(admin=channel)
    dispatcher.register(channel)
    cards: list = []
    sender = Sender(db, dispatcher, lambda code: None, lambda dossier, message: cards.append((dossier, message)), Limits(0, 0))
    return db, channel, sender, cards


def queue(db, chat, effect, dossier_id=None):
    with transaction(db):
        return outbox.add(db, chat, "admin" if chat == "admin" else "telegram", "5", encode(effect), "vi", dossier_id)


def test_effects_survive_the_round_trip_through_json():
    text = Text("receipt", {"title": Text("t"), "lines": [Text("a", {"n": 1})], "none": None})
    say = Say(text, ((Button(Text("b", {"x": 2}), "d"), Button("plain", "e")),))
    assert decode(encode(say)) == say


async def test_rows_are_sent_in_order_and_a_crash_left_message_is_sent_again(tmp_path):
    db, channel, sender, _ = setup(tmp_path)
    first = queue(db, "telegram:5", Say(Text("one")))
    queue(db, "telegram:5", Say(Text("two")))
    with transaction(db):
        outbox.mark_sending(db, first)  # a crash came during this call: it may or may not have gone out
    sender.start()
    assert await sender.idle()
    await sender.stop()
    assert channel.sent == [("5", "one"), ("5", "two")]  # sent again rather than lost, and before "two"


async def test_a_card_left_sending_is_not_posted_again_once_its_message_id_is_known(tmp_path):
    db, channel, sender, cards = setup(tmp_path)
    from datetime import datetime

    from storage import dossiers

    dossier = dossiers.create_dossier(db, office_code="X", channel="telegram", user_id="5", flow_id="f", flow_version=1,
                                      answers={}, shown={}, consent={}, submitted_at=datetime(2026, 3, 10), expected_on=datetime(2026, 3, 12))
    card = queue(db, "admin", AdminPost(Text("card"), dossier_id=dossier.id), dossier.id)
    with transaction(db):
        outbox.mark_sending(db, card)
        dossiers.set_card_message(db, dossier.id, 41)
    queue(db, "admin", AdminPost(Text("other")))
    sender.start()
    assert await sender.idle()
    await sender.stop()
    assert channel.sent == [("admin", "other")] and cards == []


async def test_a_send_that_surely_failed_is_retried_and_a_refused_one_is_not(tmp_path):
    db, channel, sender, _ = setup(tmp_path)
    channel.failures = {"retried": [Busy()], "refused": [Refused()]}
    queue(db, "telegram:5", Say(Text("retried")))
    queue(db, "telegram:5", Say(Text("refused")))
    sender.start()
    await asyncio.sleep(0)
    assert await sender.idle(15)
    await sender.stop()
    assert channel.sent == [("5", "retried")]
    assert outbox.count(db, "failed") == 1 and outbox.count(db, "sent") == 1


async def test_each_offices_posts_go_to_its_own_chat_in_order(tmp_path):
    from bot.effects import EditCard

    db, channel, sender, _ = setup(tmp_path)
    with transaction(db):
        for chat, key in ((-1001, "a1"), (-1002, "b1"), (-1001, "a2")):
            outbox.add(db, f"admin:{chat}", "admin", str(chat), encode(AdminPost(Text(key), office="X")), "vi")
        outbox.add(db, "admin:-1002", "admin", "-1002", encode(EditCard(5, Text("edit"), office="Y")), "vi")
    assert sorted(outbox.chats_waiting(db)) == ["admin:-1001", "admin:-1002"], "each group is its own outbox chat"
    sender.start()
    assert await sender.idle()
    await sender.stop()
    delivered = list(zip(channel.sent, channel.chats, strict=True))
    assert [d for d in delivered if d[1] == -1001] == [(("admin", "a1"), -1001), (("admin", "a2"), -1001)]
    assert [d for d in delivered if d[1] == -1002] == [(("admin", "b1"), -1002), (("edit", 5), -1002)]


async def test_the_group_limit_counts_each_group_on_its_own():
    import time

    limits = Limits(per_second=0, per_group_minute=2)
    started = time.monotonic()
    for chat in ("admin:-1001", "admin:-1001", "admin:-1002", "admin:-1002"):
        await limits.wait(1, group=chat)
    assert time.monotonic() - started < 1.0, "two groups' messages do not share one group's 20 a minute"
