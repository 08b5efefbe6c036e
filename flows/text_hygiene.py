"""Text hygiene: what every typed text goes through before anything reads it.

``clean_text`` normalises to NFC and then decides, per class of character, what to do:

- **Zero-width characters** (U+200B-U+200D, U+2060, U+FEFF) and the soft hyphen (U+00AD) are *removed*
  silently, wherever they are. They are invisible, so the text stored is exactly the text the citizen saw;
  they arrive by pasting from web pages, office documents or phone keyboards (a BOM at the start, a
  zero-width space at the end); and removing them (rather than keeping them) also stops two names that look
  the same from differing, and an offensive word from slipping through a filter split by a hidden character.
- **Left-to-right wrappers** are removed too: LRE/LRI/LRM (U+202A, U+2066, U+200E) at the start and
  PDF/PDI/LRM (U+202C, U+2069, U+200E) at the end, as Android adds around a phone number copied from the
  contacts. Left to right is already how Vietnamese is shown, so removing them changes nothing on screen.
- **Any other bidirectional control** (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F elsewhere) is *refused*:
  an override or embedding reorders what is displayed (U+202E shows "abc" as "cba" on the officials' card),
  so removing it would store something other than what the citizen saw, and keeping it lets a text lie.
- **Control characters** (C0, DEL and C1) are *refused*, except tab, carriage return and newline: they are
  whitespace. A single-line answer gets them as spaces (its validator collapses spaces, as it always did);
  a multi-line text keeps plain newlines ("\\r\\n" and "\\r" become "\\n") and gets tabs as spaces.
  Other invisible format characters (category Cf, including the tag characters that can smuggle hidden
  ASCII text) and lone surrogates (which SQLite cannot store) are refused as well.
- **Combining marks**: after NFC every Vietnamese letter is one precomposed character, so a mark left over
  is rare. At most ``MAX_MARKS`` (2) marks may follow a letter (a name typed in an odd decomposed form, an
  emoji with its variation selector); a longer stack, or a mark with no letter under it, is *refused*.

flows/ must not import bot/, so this is a module of its own, used by every validator (flows/validators.py),
by the citizen services (feedback, rating comments) and by the officials' typed reasons (bot/backoffice.py).
"""

from __future__ import annotations

import unicodedata

from locales.text import Text

MAX_MARKS = 2
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
LTR_OPENERS = frozenset("\u202a\u2066\u200e")
LTR_CLOSERS = frozenset("\u202c\u2069\u200e")
WHITESPACE_CONTROLS = frozenset("\t\n\r")


def clean_text(text: str | None, *, multiline: bool = False) -> str | Text:
    """Return the text in NFC with harmless invisible characters removed, or the Text saying why it is refused."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(char for char in text if char not in ZERO_WIDTH)
    text = _strip_ltr_wrappers(text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    else:
        text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    marks = 0
    previous = ""
    for char in text:
        category = unicodedata.category(char)
        if char in BIDI_CONTROLS:
            return Text("invalid-text-direction")
        if category == "Cc" and char != "\n":
            return Text("invalid-text-control")
        if category in ("Cf", "Cs"):
            return Text("invalid-text-invisible")
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS or not previous or previous.isspace():
                return Text("invalid-text-marks")
        else:
            marks = 0
            previous = char
    return text


def _strip_ltr_wrappers(text: str) -> str:
    """Remove left-to-right embeddings, isolates and marks opening or closing the whole text."""
    start, end = 0, len(text)
    while start < end and text[start] in LTR_OPENERS:
        start += 1
    while end > start and text[end - 1] in LTR_CLOSERS:
        end -= 1
    return text[start:end]

