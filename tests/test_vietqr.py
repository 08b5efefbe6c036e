"""VietQR payloads against payloads published by others: the field order, the lengths and the CRC16 a banking app
checks before it fills in a transfer."""

from __future__ import annotations

import pytest

from bot.vietqr import crc16, payload

# Issued in production by a payment provider (a dynamic QR: amount and note), and two published static/dynamic ones.
PUBLISHED = [
    (("970418", "V3CAS6262723924", 375000, "CSPZKHEL6A2 NTK O0004"),
     "00020101021238590010A000000727012900069704180115V3CAS62627239240208QRIBFTTA530370454063750005802VN"
     "62250821CSPZKHEL6A2 NTK O000463044729"),
    (("970422", "VQRQACLNP2680", 100000, "Thanh toan don hang ABC"),
     "00020101021238570010A000000727012700069704220113VQRQACLNP26800208QRIBFTTA530370454061000005802VN"
     "62270823Thanh toan don hang ABC6304CE4C"),
    (("970407", "9796868", 0, "gen by sunary/vietqr"),
     "00020101021138510010A00000072701210006970407010797968680208QRIBFTTA53037045802VN62240820gen by sunary/vietqr6304BE74"),
]


@pytest.mark.parametrize("given, expected", PUBLISHED)
def test_the_payload_matches_published_vietqr_codes(given, expected):
    assert payload(*given) == expected


def test_the_crc_is_the_ccitt_false_check_value():
    assert crc16("123456789") == "29B1"  # the CRC-16/CCITT-FALSE check value of the catalogue


def test_a_fee_payload_carries_the_bank_account_amount_and_receipt_code():
    code = "000.00.59.H80-260310-0001"
    data = payload("970436", "0000000000001", 8000, code)
    assert data.startswith("000201010212") and "000697043601130000000000001" in data
    assert "54048000" in data and f"0825{code}" in data and data[-8:-4] == "6304"
    assert crc16(data[:-4]) == data[-4:]


@pytest.mark.parametrize("bank_bin, account", [("97043", "1"), ("970436", ""), ("970436", "1" * 20)])
def test_a_wrong_bin_or_account_is_refused(bank_bin, account):
    with pytest.raises(ValueError):
        payload(bank_bin, account, 1000, "x")
