"""Reading what people type, with case, spacing and Vietnamese diacritics ignored (locales.folding): a yes or
no, consent, a command word typed alone ("hủy", "quay lại"), "none" for an optional answer, and the everyday
words for an option ("con trai" for male)."""

from __future__ import annotations

from locales.folding import fold

YES_WORDS = {"co", "có", "yes", "y", "dong y", "đồng ý", "ok", "agree", "1", "đúng", "đúng rồi"}
NO_WORDS = {"khong", "không", "no", "n", "2", "tu choi", "từ chối"}
_YES = {fold(word) for word in YES_WORDS}
_NO = {fold(word) for word in NO_WORDS}

# Consent to the processing of personal data, some of it sensitive: only words that say so. A bare "ok" or
# "có" is not consent; the buttons' own words are.
CONSENT_WORDS = {"tôi đồng ý", "đồng ý", "em đồng ý", "con đồng ý", "cháu đồng ý", "i agree", "agree"}
DECLINE_WORDS = {"không đồng ý", "tôi không đồng ý", "không", "từ chối", "i do not agree", "i don't agree", "disagree", "no"}
_CONSENT = {fold(word) for word in CONSENT_WORDS}
_DECLINE = {fold(word) for word in DECLINE_WORDS}

# A command typed as a word, alone ("hủy" mid-flow is the cancel command, not an address).
COMMAND_WORDS = {
    "cancel": {"hủy", "huỷ", "huy", "cancel", "hủy bỏ", "huỷ bỏ", "hủy hồ sơ", "huỷ hồ sơ"},
    "back": {"quay lại", "back", "trở lại", "lùi lại"},
}
_COMMANDS = {fold(word): command for command, words in COMMAND_WORDS.items() for word in words}

# Saying there is nothing to give, for an optional answer.
NONE_WORDS = {"không có", "không", "chưa có", "bỏ qua", "skip", "none", "-"}
_NONE = {fold(word) for word in NONE_WORDS}

# Everyday words for an option's value, beside its label, its value and its number.
OPTION_WORDS = {
    "male": {"con trai", "trai", "bé trai", "nam", "boy"},
    "female": {"con gái", "gái", "bé gái", "nữ", "girl"},
    "yes": {"có", "co", "yes", "rồi", "đã"},
    "no": {"không", "chưa", "no"},
}
_OPTIONS = {value: {fold(word) for word in words} for value, words in OPTION_WORDS.items()}


def yes_no(text: str) -> str | None:
    """Read a typed yes or no ("có", "không", "ok", "1", "2", ...): "yes", "no", or None."""
    folded = fold(text).rstrip(".!")
    if folded in _YES:
        return "yes"
    if folded in _NO:
        return "no"
    return None


def consent(text: str) -> str | None:
    """Read typed consent: "yes" for "Tôi đồng ý", "no" for "Không đồng ý" or "không", None otherwise (also "ok")."""
    folded = fold(text).lstrip("✅ ").rstrip(".!")
    if folded in _CONSENT:
        return "yes"
    if folded in _DECLINE:
        return "no"
    return None


def command_word(text: str) -> str | None:
    """Return the command a text typed alone stands for ("hủy" -> "cancel", "quay lại" -> "back"), or None."""
    return _COMMANDS.get(fold(text).rstrip(".!"))


def says_none(text: str) -> bool:
    """Tell whether the text says there is nothing to give ("không có", "chưa có", "bỏ qua")."""
    return fold(text).rstrip(".!") in _NONE


def option_word(text: str, values: tuple[str, ...]) -> str | None:
    """Return the one option value among ``values`` whose everyday words include the text, or None."""
    folded = fold(text).rstrip(".!")
    found = [value for value in values if folded in _OPTIONS.get(value, ())]
    return found[0] if len(found) == 1 else None
