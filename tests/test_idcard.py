"""The chip ID card QR payload (bot/idcard.py), read from text and from a generated photo of a card."""

from __future__ import annotations

import unicodedata

import pytest

from bot.idcard import IdCardData, parse_id_qr
from bot.photos import analyse
from tests import imagegen

DEFAULT_CARD = IdCardData(
    id_number="001090012345",
    old_id="",
    full_name="Nguyễn Văn An",
    birth_date="15/03/1990",
    sex="male",
    address="Số 1 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh",
    issue_date="10/05/2021",
)


def test_default_payload_parses():
    assert parse_id_qr(imagegen.id_qr_payload()) == DEFAULT_CARD


def test_qr_in_a_card_photo_decodes_and_parses_with_diacritics():
    payload = imagegen.id_qr_payload(
        id_number="066301004321",
        full_name="Trần Thị Ngọc Hương",
        birth_date="29022004",
        sex="Nữ",
        address="Thôn Đông Hòa, Xã Ea Kao, Tỉnh Đắk Lắk",
        issue_date="01072024",
        old_id="241234567",
    )
    report = analyse(imagegen.id_card_photo(payload), decode_qr=True)
    assert report.qr_texts == (payload,)
    assert parse_id_qr(report.qr_texts[0]) == IdCardData(
        id_number="066301004321",
        old_id="241234567",
        full_name="Trần Thị Ngọc Hương",
        birth_date="29/02/2004",
        sex="female",
        address="Thôn Đông Hòa, Xã Ea Kao, Tỉnh Đắk Lắk",
        issue_date="01/07/2024",
    )


def test_card_photo_without_qr_has_no_qr_text():
    assert analyse(imagegen.id_card_photo(None), decode_qr=True).qr_texts == ()


@pytest.mark.parametrize("extra", ["|", "|Nguyễn Văn Bình|Lê Thị Cúc", "|a|b|c|d|e"], ids=["8", "9", "12"])
def test_newer_cards_with_more_fields_parse(extra):
    payload = imagegen.id_qr_payload() + extra
    assert len(payload.split("|")) >= 8
    assert parse_id_qr(payload) == DEFAULT_CARD


def test_text_is_nfc_normalised_and_stripped():
    payload = imagegen.id_qr_payload(full_name="  Nguyễn Văn An ", sex=" Nam")
    decomposed = unicodedata.normalize("NFD", payload)
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert parse_id_qr("\ufeff" + decomposed + "\r\n") == DEFAULT_CARD


@pytest.mark.parametrize(
    "sex, expected", [("Nam", "male"), ("NAM", "male"), ("Nữ", "female"), ("NỮ", "female")]
)
def test_sex_is_read_whatever_the_case(sex, expected):
    assert parse_id_qr(imagegen.id_qr_payload(sex=unicodedata.normalize("NFD", sex))).sex == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "001090012345|",
        "001090012345||Nguyễn Văn An|15031990|Nam|Số 1 Lê Lợi",  # 6 fields
        imagegen.id_qr_payload(id_number="00109001234"),  # 11 digits
        imagegen.id_qr_payload(id_number="0010900123456"),  # 13 digits
        imagegen.id_qr_payload(id_number="00109001234X"),
        imagegen.id_qr_payload(id_number="٠٠١٠٩٠٠١٢٣٤٥"),  # Arabic-Indic digits are not ID digits
        imagegen.id_qr_payload(birth_date="31022020"),  # no such day
        imagegen.id_qr_payload(birth_date="1503199"),
        imagegen.id_qr_payload(birth_date="15/03/1990"),
        imagegen.id_qr_payload(issue_date="00002021"),
        imagegen.id_qr_payload(sex="Khác"),
        imagegen.id_qr_payload(sex=""),
        imagegen.id_qr_payload(full_name="  "),
        "a|b|c|d|e|f|g",
    ],
)
def test_garbage_returns_none(text):
    assert parse_id_qr(text) is None
