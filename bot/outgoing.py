"""Effects to send, as JSON for the outbox and back: message keys, parameters (Text trees), buttons, photos.

Nothing is rendered here: the sender renders in the stored language at send time. The receipt's QR image is
stored as its receipt code (a fee request's VietQR image as its payload) and drawn when it is sent, so it is as
durable as the message before it; a card's declaration PDF likewise, as its dossier's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.effects import AdminPost, Button, EditCard, Notify, Say, SendPhoto, Text


@dataclass(frozen=True)
class ReceiptImage:
    """Send the QR code image of a receipt code (drawn at send time)."""

    code: str


@dataclass(frozen=True)
class QrImage:
    """Send a QR code image of this text (a VietQR payment payload), drawn at send time, with a caption."""

    data: str
    caption: Text


Outgoing = Say | SendPhoto | ReceiptImage | QrImage | Notify | AdminPost | EditCard


def encode(effect: Outgoing) -> dict[str, Any]:
    """Return an effect as JSON-ready data."""
    if isinstance(effect, Say):
        return {"type": "say", "text": _text(effect.text), "buttons": _rows(effect.buttons)}
    if isinstance(effect, SendPhoto):
        return {"type": "photo", "path": effect.path, "caption": _text(effect.caption) if effect.caption else None}
    if isinstance(effect, ReceiptImage):
        return {"type": "receipt_qr", "code": effect.code}
    if isinstance(effect, QrImage):
        return {"type": "qr", "data": effect.data, "caption": _text(effect.caption)}
    if isinstance(effect, Notify):
        return {"type": "notify", "channel": effect.channel, "user_id": effect.user_id, "text": _text(effect.text),
                "buttons": _rows(effect.buttons)}
    if isinstance(effect, AdminPost):
        return {"type": "admin_post", "text": _text(effect.text), "buttons": _rows(effect.buttons),
                "photos": list(effect.photos), "dossier_id": effect.dossier_id, "office": effect.office,
                "captions": [_text(c) for c in effect.captions], "prompt_for": effect.prompt_for,
                "documents": [list(document) for document in effect.documents], "declaration": effect.declaration}
    if isinstance(effect, EditCard):
        return {"type": "edit_card", "message_id": effect.message_id, "text": _text(effect.text), "buttons": _rows(effect.buttons),
                "office": effect.office}
    raise TypeError(f"not an effect to send: {type(effect).__name__}")


def decode(data: dict[str, Any]) -> Outgoing:
    """Return the effect stored as ``data``."""
    kind = data["type"]
    if kind == "say":
        return Say(_untext(data["text"]), _unrows(data["buttons"]))
    if kind == "photo":
        return SendPhoto(data["path"], _untext(data["caption"]) if data["caption"] else None)
    if kind == "receipt_qr":
        return ReceiptImage(data["code"])
    if kind == "qr":
        return QrImage(data["data"], _untext(data["caption"]))
    if kind == "notify":
        return Notify(data["channel"], data["user_id"], _untext(data["text"]), _unrows(data["buttons"]))
    if kind == "admin_post":
        return AdminPost(_untext(data["text"]), _unrows(data["buttons"]), tuple(data["photos"]), data["dossier_id"], data.get("office"),
                         captions=tuple(_untext(c) for c in data.get("captions") or ()), prompt_for=data.get("prompt_for"),
                         documents=tuple((str(path), str(name)) for path, name in data.get("documents", ())),
                         declaration=data.get("declaration"))
    if kind == "edit_card":
        return EditCard(data["message_id"], _untext(data["text"]), _unrows(data["buttons"]), data.get("office"))
    raise ValueError(f"unknown stored effect {kind!r}")


def _text(text: Text) -> dict[str, Any]:
    return {"key": text.key, "params": {name: _value(value) for name, value in text.params.items()}}


def _value(value: Any) -> Any:
    if isinstance(value, Text):
        return {"$text": _text(value)}
    if isinstance(value, (list, tuple)):
        return [_value(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _untext(data: dict[str, Any]) -> Text:
    return Text(data["key"], {name: _unvalue(value) for name, value in data["params"].items()})


def _unvalue(value: Any) -> Any:
    if isinstance(value, dict) and "$text" in value:
        return _untext(value["$text"])
    if isinstance(value, list):
        return [_unvalue(item) for item in value]
    return value


def _rows(rows) -> list[list[dict[str, Any]]]:
    return [[{"label": _text(b.label) if isinstance(b.label, Text) else b.label, "data": b.data} for b in row] for row in rows]


def _unrows(rows) -> tuple[tuple[Button, ...], ...]:
    return tuple(tuple(Button(_untext(b["label"]) if isinstance(b["label"], dict) else b["label"], b["data"]) for b in row) for row in rows)
