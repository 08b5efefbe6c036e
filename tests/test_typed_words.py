"""What people type instead of pressing a button: consent, command words, "none", everyday words for options."""

from __future__ import annotations

import pytest

from bot.textmatch import command_word, consent, option_word, says_none


@pytest.mark.parametrize("typed", ["Tôi đồng ý", "tôi đồng ý.", "ĐỒNG Ý", "dong y", "✅ Tôi đồng ý", "I agree"])
def test_consent_is_given_by_its_words(typed: str) -> None:
    assert consent(typed) == "yes"


@pytest.mark.parametrize("typed", ["Không đồng ý", "không", "khong dong y", "Từ chối", "I do not agree"])
def test_consent_is_declined_by_its_words(typed: str) -> None:
    assert consent(typed) == "no"


@pytest.mark.parametrize("typed", ["ok", "OK", "có", "1", "được", "ừ"])
def test_a_bare_ok_is_not_consent_to_sensitive_data(typed: str) -> None:
    assert consent(typed) is None


@pytest.mark.parametrize(("typed", "command"), [("hủy", "cancel"), ("Huỷ", "cancel"), ("huy", "cancel"), ("cancel", "cancel"),
                                                ("quay lại", "back"), ("Quay lai", "back")])
def test_a_command_word_typed_alone(typed: str, command: str) -> None:
    assert command_word(typed) == command


@pytest.mark.parametrize("typed", ["hủy hôn", "Huy Hoàng", "quay lại sau", "Số 5 Lê Lợi"])
def test_a_command_word_inside_an_answer_is_an_answer(typed: str) -> None:
    assert command_word(typed) is None


@pytest.mark.parametrize("typed", ["không có", "Không", "chưa có", "bỏ qua", "Không có."])
def test_none_words(typed: str) -> None:
    assert says_none(typed)


def test_an_answer_is_not_none() -> None:
    assert not says_none("không nhớ")


@pytest.mark.parametrize(("typed", "value"), [("con trai", "male"), ("Trai", "male"), ("con gái", "female"), ("gai", "female")])
def test_everyday_words_for_the_childs_sex(typed: str, value: str) -> None:
    assert option_word(typed, ("male", "female")) == value


def test_everyday_words_only_for_the_options_offered() -> None:
    assert option_word("con trai", ("yes", "no")) is None
