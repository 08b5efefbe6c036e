"""parse_update: bare and wrapped deliveries, photo and photo_url, stickers, unsupported, garbage."""

from __future__ import annotations

import pytest

from bot.channels.zalo.updates import (
    EVENT_IMAGE,
    EVENT_STICKER,
    EVENT_TEXT,
    EVENT_UNSUPPORTED,
    ZaloUpdate,
    parse_update,
)


def update(event_name: str = EVENT_TEXT, **content) -> dict:
    message = {
        "from": {"id": "6ede9afa66b88fe6d6a9", "display_name": "Nguyễn Văn An", "is_bot": False},
        "chat": {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"},
        "message_id": "2d758cb5e222177a4e35", "date": 1750316131602,
    }
    message.update(content)
    return {"event_name": event_name, "message": message}


def test_bare_text_update():
    parsed = parse_update(update(text="Xin chào"))
    assert isinstance(parsed, ZaloUpdate)
    assert (parsed.event_name, parsed.text, parsed.user_id, parsed.chat_id) == (
        EVENT_TEXT, "Xin chào", "6ede9afa66b88fe6d6a9", "6ede9afa66b88fe6d6a9")
    assert parsed.display_name == "Nguyễn Văn An" and parsed.message_id == "2d758cb5e222177a4e35"
    assert parsed.date_ms == 1750316131602 and parsed.date.year == 2025
    assert parsed.is_text and parsed.is_private and not parsed.is_image
    assert parsed.photo_url is None and parsed.raw["message"]["text"] == "Xin chào"


def test_wrapped_update_equals_bare():
    bare = update(text="Xin chào")
    assert parse_update({"ok": True, "result": bare}) == parse_update(bare)
    assert parse_update({"ok": True, "result": [bare]}) == parse_update(bare)


@pytest.mark.parametrize("field", ["photo_url", "photo"])
def test_image_update_accepts_both_field_names(field):
    parsed = parse_update(update(EVENT_IMAGE, **{field: "https://photo.zdn.vn/x.jpg", "caption": "CCCD"}))
    assert parsed.is_image and parsed.photo_url == "https://photo.zdn.vn/x.jpg" and parsed.caption == "CCCD"
    assert parsed.text is None


def test_sticker_and_unsupported_updates():
    sticker = parse_update(update(EVENT_STICKER, sticker="bfe458bf64fa8da4d4eb"))
    assert sticker.event_name == EVENT_STICKER and sticker.text is None and sticker.raw["message"]["sticker"]
    unsupported = parse_update(update(EVENT_UNSUPPORTED))
    assert unsupported.event_name == EVENT_UNSUPPORTED and unsupported.photo_url is None


def test_numeric_ids_and_dates_are_normalised():
    payload = update(text="hi")
    payload["message"]["from"]["id"] = 12345
    payload["message"]["date"] = "1750316131602"
    parsed = parse_update(payload)
    assert parsed.user_id == "12345" and parsed.date_ms == 1750316131602


def test_the_update_is_hashable_despite_raw():
    assert len({parse_update(update(text="a")), parse_update(update(text="a"))}) == 1


def _without(path: list[str]) -> dict:
    payload = update(text="hi")
    node = payload
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return payload


@pytest.mark.parametrize(("payload", "needle"), [
    (None, "JSON object"),
    ([update(text="a")], "JSON object"),
    ("hello", "JSON object"),
    ({}, "event_name"),
    ({"event_name": EVENT_TEXT}, "no message"),
    ({"ok": False, "error_code": 408, "description": "Request timeout"}, "Request timeout"),
    ({"ok": True, "result": [update(text="a"), update(text="b")]}, "one update"),
    ({"ok": True, "result": "nope"}, "JSON object"),
    (_without(["message", "from"]), "message.from"),
    (_without(["message", "chat"]), "message.chat"),
    (_without(["message", "text"]), "message.text"),
    (update(EVENT_IMAGE), "photo_url"),
    (update(text=["not", "text"]), "message.text"),
    (update(text="hi", date="yesterday"), "message.date"),
    ({"event_name": EVENT_TEXT, "message": {"from": {"id": True}, "chat": {"id": "1"}, "text": "x"}},
     "message.from.id"),
    ({"event_name": EVENT_TEXT, "message": {"from": {"id": "1"}, "chat": {"id": "  "}, "text": "x"}},
     "message.chat.id"),
])
def test_garbage_is_refused_with_a_clear_message(payload, needle):
    with pytest.raises(ValueError, match=needle.replace(".", r"\.")):
        parse_update(payload)
