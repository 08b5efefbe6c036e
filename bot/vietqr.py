"""VietQR: the payload of the Vietnamese bank-transfer QR code (Napas, on the EMVCo merchant-presented QR).

A citizen's banking app scans it and fills in the transfer: the bank (its Napas BIN), the account number, the
amount in đồng and the transfer note (the receipt code, so the office matches the payment to the dossier).
Each field is ID (2 digits), length (2 digits) and value; the last field is a CRC16-CCITT (polynomial 0x1021,
start 0xFFFF) over everything before it, including its own "6304". Written here (about 40 lines) because no
package on PyPI for it has a record of being kept: the test checks it against a payload a payment provider
issued in production.
"""

from __future__ import annotations

NAPAS_GUID = "A000000727"  # the Napas application id in field 38
TO_ACCOUNT = "QRIBFTTA"  # service code: transfer to an account (QRIBFTTC: to a card)
CURRENCY_VND, COUNTRY = "704", "VN"
MAX_NOTE = 50


def field(tag: str, value: str) -> str:
    """Return one ID-length-value field."""
    if len(value) > 99:
        raise ValueError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16(data: str) -> str:
    """Return the CRC16-CCITT (0x1021, start 0xFFFF) of a payload as four upper-case hex digits."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def payload(bank_bin: str, account: str, amount: int = 0, note: str = "") -> str:
    """Return the VietQR payload for a transfer to this account (dynamic, with the amount and note, when given)."""
    if not (bank_bin.isdigit() and len(bank_bin) == 6):
        raise ValueError("the bank BIN has 6 digits")
    if not account or len(account) > 19:
        raise ValueError("the account number has 1 to 19 characters")
    beneficiary = field("00", bank_bin) + field("01", account)
    merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TO_ACCOUNT)
    data = field("00", "01") + field("01", "12" if amount else "11") + field("38", merchant) + field("53", CURRENCY_VND)
    if amount:
        data += field("54", str(int(amount)))
    data += field("58", COUNTRY)
    if note:
        data += field("62", field("08", note[:MAX_NOTE]))
    data += "6304"
    return data + crc16(data)
