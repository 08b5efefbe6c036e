"""E-receipts: the QR code images (a receipt code, a fee's VietQR payment) and the receipt message (the receiving
office with its address and hours, due date, fee, result)."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from bot.effects import Text
from bot.offices import Office
from flows.definition import Flow
from locales import formats


def receipt_qr_png(receipt_code: str) -> bytes:
    """Return a PNG QR code that encodes the receipt code (scanned back by the lookup)."""
    return qr_png(receipt_code)


def qr_png(data: str) -> bytes:
    """Return a PNG QR code that encodes this text (a receipt code, a VietQR payment payload)."""
    # A fixed mask skips qrcode's search over all eight (most of the cost); any mask scans the same.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4, mask_pattern=0)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def receipt_text(receipt_code: str, flow: Flow, office: Office, submitted_at: datetime, expected_on: date,
                 answers: dict[str, Any]) -> Text:
    """Return the receipt message for a new dossier: the code, the due date and why, the fee, the result."""
    late = flow.late_days(answers, submitted_at.date())
    fee = office.fee(flow.fee_key(answers, submitted_at.date()))
    notes = [Text(timing.note) for timing in flow.timings(answers) if timing.note]
    if late is not None:
        notes.append(Text("receipt-late", {"days": late}))
    notes.append(fee_text(fee))
    if flow.result:
        notes.append(Text(flow.result))
    return Text(
        "receipt",
        {
            "code": receipt_code,
            "title": Text(flow.title),
            "office": Text("receipt-office", {"name": office.desk_name, "address": office.address, "hours": office.hours}),
            "submitted": formats.moment(submitted_at),
            "expected": formats.day(expected_on),
            "notes": notes,
        },
    )


def fee_text(amount: int) -> Text:
    """Return a fee as a message line: "Lệ phí: 8.000 đ", or "Miễn lệ phí" when there is none."""
    return Text("fee-amount", {"amount": formats.money(amount)}) if amount else Text("fee-free")
