"""The button codec: every payload reads back as itself, oversized data is refused, officials' buttons are signed."""

from __future__ import annotations

import pytest

from bot import buttons
from bot.buttons import (
    AddItem, Answer, ButtonTooLong, CancelTask, OfficialAction, Rate, Service, StartFlow, Suggestion, decode, encode,
    sign, verify,
)


@pytest.mark.parametrize("payload", [
    Answer("consent", "yes"), Suggestion("child_ethnicity", 0), AddItem("members", False), StartFlow("birth_registration"),
    Service("lookup"), Rate(12, 5), OfficialAction("accept", 3, 7), CancelTask(3),
])
def test_payloads_read_back_as_themselves(payload):
    assert decode(encode(payload)) == payload


def test_the_wire_format_is_the_one_transcripts_press():
    assert encode(Answer("relationship", "father")) == "a:relationship:father"
    assert encode(AddItem("members", True)) == "i:members:yes"
    assert encode(CancelTask(3)) == "ox:3"


@pytest.mark.parametrize("data", ["", "zz:1", "x:maybe", "rate:a:5", "oc:x", "a:consent", "s:step:x"])
def test_unknown_or_malformed_data_decodes_to_nothing(data):
    assert decode(data) is None


def test_data_over_telegrams_64_bytes_is_refused_when_encoding():
    with pytest.raises(ButtonTooLong):
        encode(Answer("a_very_long_step_identifier_for_testing", "an_option_value_that_is_long"))


def test_signed_buttons_verify_and_forgeries_do_not():
    data = sign(OfficialAction("approve", 42, 3), b"secret")
    assert verify(data, b"secret") == OfficialAction("approve", 42, 3)
    assert verify(data, b"other secret") is None
    assert verify(data.rsplit(":", 1)[0] + ":AAAAAAAA", b"secret") is None
    assert verify(data.replace(":42:", ":43:"), b"secret") is None
    assert buttons.decode(data) is None  # a signed button is not an unsigned one


def test_signatures_are_the_ones_posted_cards_carry():
    # Cards already in the admin chat were signed this way (HMAC-SHA256 of the data, first 6 bytes, URL-safe
    # base64): the codec must keep reading them.
    posted = "o:approve:42:3:sZZ5X2QH"
    assert sign(OfficialAction("approve", 42, 3), b"secret") == posted
    assert verify(posted, b"secret") == OfficialAction("approve", 42, 3)
