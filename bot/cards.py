"""The dossier card officials read in the admin chat, and the captions of its photos.

A card reads top-down as an official works: what to notice first (a late registration, the warnings raised,
where answers came from), then the status and who acted last, then only the blocks that belong to the
current status (the reason of a refusal, the items asked for and what the supplement changed, the pickup
date, ...), then the answers grouped under the form's sections (the flow's ``- section:`` markers). What
is no longer current (an old supplement request once the fee is asked for) stays in the audit log only.
Nothing here reads or writes storage: the back office gives the dossier, its photos and its fee.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.dossier_dates import collected_on
from bot.engine.steps import KINDS, card_line
from bot.engine.steps.base import ORIGIN, ORIGIN_QR
from bot.lifecycle import STATUS_CODES
from bot.receipts import fee_text
from flows.definition import Flow, Step
from locales import formats
from locales.text import Text
from storage.records import Attachment, Dossier

# The blocks a card shows in each status (besides the flags, the status line and the answers).
BLOCKS: dict[str, tuple[str, ...]] = {
    "not_accepted": ("reason",),
    "stopped": ("reason",),
    "supplement_requested": ("supplement",),
    "supplement_received": ("supplement", "changes"),
    "processing": ("changes", "fee"),
    "payment_requested": ("fee",),
    "done": ("pickup", "fee"),
    "handed_over": ("pickup", "fee", "rating"),
}


def card_text(flow: Flow, dossier: Dossier, attachments: list[Attachment], fee: int) -> Text:
    """Return the card's text: flags, status, the current status's blocks, the answers by section."""
    counts: dict[str, int] = {}
    for row in attachments:
        counts[row.slot] = counts.get(row.slot, 0) + 1
    body: list[Text] = [*flags(flow, dossier, fee), *status_lines(dossier), *blocks(flow, dossier), Text("card-rule")]
    body += sections(flow, dossier, counts)
    return Text("card", {"code": dossier.receipt_code, "title": Text(flow.title), "lines": body})


def flags(flow: Flow, dossier: Dossier, fee: int) -> list[Text]:
    """Return what officials must notice first: a late registration and its fee, the warnings, the QR legend."""
    found = []
    filed = datetime.fromisoformat(dossier.submitted_at).date()
    late = flow.late_days(dossier.answers, filed)
    if late is not None:
        found.append(Text("card-late", {"days": late, "fee": fee_text(fee)}))
    found += [Text("card-warning", {"text": Text(alert.card)}) for alert in flow.raised(dossier.answers)]
    if dossier.answers.get(ORIGIN):
        found.append(Text("card-origin-legend"))
    return found


def status_lines(dossier: Dossier) -> list[Text]:
    """Return the status with its portal code, who acted last and when, and when and how it was filed."""
    lines = [Text("card-status", {"status": Text(f"state-{dossier.state}"), "status_code": STATUS_CODES[dossier.state]})]
    if dossier.last_actor:
        lines.append(Text("card-last", {"actor": dossier.last_actor, "action": Text(f"action-{dossier.last_action}"),
                                        "at": formats.moment(dossier.last_action_at)}))
    lines.append(Text("card-filed", {"submitted": formats.moment(dossier.submitted_at), "channel": dossier.channel,
                                     "expected": formats.day(dossier.expected_on)}))
    return lines


def blocks(flow: Flow, dossier: Dossier) -> list[Text]:
    """Return the blocks that belong to the dossier's current status."""
    out: list[Text] = []
    for block in BLOCKS.get(dossier.state, ()):
        if block == "reason" and dossier.reason:
            out.append(Text("card-reason", {"reason": dossier.reason}))
        elif block == "supplement" and dossier.supplement:
            out.append(Text("card-supplement", {"items": labels(flow, dossier.supplement)}))
            if dossier.reason:
                out.append(Text("card-reason", {"reason": dossier.reason}))
        elif block == "changes":
            out += changes(flow, dossier)
        elif block == "fee":
            out += fee_lines(dossier)
        elif block == "pickup":
            out += pickup_lines(dossier)
        elif block == "rating" and dossier.rating:
            out.append(Text("card-rating", {"rating": dossier.rating, "comment": dossier.comment or ""}))
    return out


def pickup_lines(dossier: Dossier) -> list[Text]:
    """Return the day the result was handed over, else the appointment to collect it (ngày hẹn trả kết quả)."""
    collected = collected_on(dossier)
    if collected:
        return [Text("card-collected", {"date": formats.day(collected)})]
    return [Text("card-pickup", {"date": formats.day(dossier.pickup_on)})] if dossier.pickup_on else []


def fee_lines(dossier: Dossier) -> list[Text]:
    """Return the fee and whether it is paid (and who confirmed it, when), if the dossier has one."""
    if dossier.fee_paid_at:
        return [Text("card-fee-paid", {"amount": formats.money(dossier.fee or 0), "official": dossier.fee_paid_by or "",
                                       "at": formats.moment(dossier.fee_paid_at)})]
    return [Text("card-fee-unpaid", {"amount": formats.money(dossier.fee)})] if dossier.fee else []


def changes(flow: Flow, dossier: Dossier) -> list[Text]:
    """Return what the last supplement changed: each answer before → after, and the photos replaced."""
    before = dossier.before_supplement
    if not before:
        return []
    lines = []
    for step_id in dossier.supplement or []:
        if step_id not in flow.index:
            continue
        step = flow.step(step_id)
        if step_id in before.get("photos", []):
            lines.append(Text("card-change-photos", {"label": Text(step.label)}))
            continue
        old = _value(step, before.get("answers") or {}, before.get("shown") or {})
        new = _value(step, dossier.answers, dossier.shown)
        if old != new:
            lines.append(Text("card-change", {"label": Text(step.label), "before": old if old is not None else "—",
                                              "after": new if new is not None else "—"}))
    return [Text("card-changes", {"lines": lines})] if lines else [Text("card-unchanged")]


def _value(step: Step, answers: dict[str, Any], shown: dict[str, str]) -> Any:
    return KINDS[step.kind].card_value(step, answers, shown, 0)


def sections(flow: Flow, dossier: Dossier, counts: dict[str, int]) -> list[Text]:
    """Return the answers under their sections' headings (a section met twice in the form is shown once)."""
    grouped: dict[str, list[Text]] = {}
    origin = dossier.answers.get(ORIGIN) or {}
    for step in flow.steps:
        line = card_line(step, dossier.answers, dossier.shown, counts.get(step.id, 0))
        if line is None:
            continue
        source = origin.get(step.id)
        if source == ORIGIN_QR:
            line = Text("card-line-qr", {"line": line})
        elif source in flow.index:
            line = Text("card-line-copied", {"line": line, "source": Text(flow.step(source).label)})
        grouped.setdefault(step.section or "general", []).append(line)
    if list(grouped) == ["general"]:  # a form without sections: no heading
        return grouped["general"]
    return [Text("card-section", {"name": Text(f"section-{name}"), "lines": lines}) for name, lines in grouped.items()]


def labels(flow: Flow, step_ids: list[str]) -> list[Text]:
    """Return the items' labels as a bulleted list."""
    return [Text("bullet", {"text": Text(flow.step(s).label)}) for s in step_ids if s in flow.index]


def captions(flow: Flow, attachments: list[Attachment]) -> tuple[Text, ...]:
    """Return each photo's caption: its document's label (numbered when a slot holds several)."""
    per_slot: dict[str, int] = {}
    for row in attachments:
        per_slot[row.slot] = per_slot.get(row.slot, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for row in attachments:
        seen[row.slot] = seen.get(row.slot, 0) + 1
        label = Text(flow.step(row.slot).label) if row.slot in flow.index else row.slot
        number = f" ({seen[row.slot]}/{per_slot[row.slot]})" if per_slot[row.slot] > 1 else ""
        out.append(Text("card-photo", {"label": label, "number": number}))
    return tuple(out)


def supplement_captions(flow: Flow, code: str, attachments: list[Attachment]) -> tuple[Text, ...]:
    """Return the captions of a supplement's album: which dossier and which document each photo is for."""
    return tuple(Text("supplement-photo", {"code": code, "document": caption}) for caption in captions(flow, attachments))
