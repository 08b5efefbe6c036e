"""E-receipts: the QR code image that encodes a receipt code, and the receipt message."""

from __future__ import annotations

import io
from datetime import date, datetime

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from bot.effects import Text
from locales import formats


def receipt_qr_png(receipt_code: str) -> bytes:
    """Return a PNG QR code that encodes the receipt code (scanned back by the lookup)."""
    # A fixed mask skips qrcode's search over all eight (most of the cost); any mask scans the same.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4, mask_pattern=0)
    code.add_data(receipt_code)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()


def receipt_text(receipt_code: str, title: str, office_name: str, submitted_at: datetime, expected_on: date) -> Text:
    """Return the receipt message for a new dossier."""
    return Text(
        "receipt",
        {
            "code": receipt_code,
            "title": Text(title),
            "office": office_name,
            "submitted": formats.moment(submitted_at),
            "expected": formats.day(expected_on),
        },
    )
