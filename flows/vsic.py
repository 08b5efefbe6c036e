"""VSIC 2018 business lines: the level-4 codes with their names, and a search by everyday words.

A household business declares its main business line as a 4-digit code of VSIC 2018 (Quyết định
27/2018/QĐ-TTg). Few citizens know the code, so what they type is searched too, ignoring case and accents:
in a short list of everyday words the official names lack (``reference/vsic_keywords.csv``: "tạp hóa" is
4711), and in the names of the level-4 codes and of the level-5 codes under them. The best match comes
first, then the codes next to it in the classification (its neighbours: "bán tạp hóa" offers 4711, 4719,
4721, ...), then the other matches. Pure: the files are read once, by ``load_vsic``.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from locales.folding import fold

KEYWORDS_FILE = Path(__file__).parent / "reference" / "vsic_keywords.csv"
# Words that name no trade (they appear in hundreds of names): searching by them alone finds nothing.
STOP_WORDS = frozenset(
    "ban le buon cua hang cac va khac dich vu hoat dong kinh doanh chuyen tong hop loai san pham "
    "phan vao dau chua nhung cho tai the lam mo tiem quan cong ty ho".split()
)
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """Return the folded words of a text (no case, no accents, đ as d; punctuation dropped)."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Keyword:
    """Everyday words ("tạp hóa", folded to its words) and the codes they mean, best first."""

    words: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # compared as a mapping
class VsicIndex(Mapping[str, str]):
    """The level-4 codes (code -> Vietnamese name), searchable; behaves as the plain mapping elsewhere."""

    names: Mapping[str, str]
    details: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # level-4 code -> its level-5 names
    keywords: tuple[Keyword, ...] = ()

    def __getitem__(self, code: str) -> str:
        return self.names[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def search(self, text: str, limit: int = 6, neighbours: int = 3) -> list[str]:
        """Return up to ``limit`` codes for what was typed: the best match, its neighbours, the other matches."""
        words = _words(text)
        ranked = self._digit_codes(words) + [code for code in self._ranked(words) if code not in self._digit_codes(words)]
        if not ranked:
            return []
        found = list(dict.fromkeys([ranked[0], *self.neighbours(ranked[0], neighbours), *ranked[1:]]))
        return found[:limit]

    def neighbours(self, code: str, count: int) -> list[str]:
        """Return the ``count`` codes nearest to ``code`` in the list within its division (2 digits), in order."""
        codes = sorted(self.names)
        if code not in self.names or count <= 0:
            return []
        here = codes.index(code)
        same = [(abs(position - here), position) for position, other in enumerate(codes)
                if other != code and other[:2] == code[:2]]
        nearest = sorted(same)[:count]
        return [codes[position] for _, position in sorted(nearest, key=lambda pair: pair[1])]

    def _digit_codes(self, words: list[str]) -> list[str]:
        """Return the codes that start with a typed group of 2 to 5 digits (47 -> 4711, 4719, ...)."""
        found: list[str] = []
        for word in words:
            if word.isdigit() and 2 <= len(word) <= 5:
                found += [code for code in sorted(self.names) if code.startswith(word[:4]) and code not in found]
        return found

    def _ranked(self, words: list[str]) -> list[str]:
        """Return the codes whose words hold the typed ones, best first.

        A code's words are its name, its level-5 names and its everyday words. Best is the code holding the most
        of the typed words (stop words aside), then one the everyday words typed name (in their order), then
        the one whose words weigh most: rare words weigh more than common ones, and two typed words found side
        by side ("cà phê", "tạp hóa") count again. Codes weighing less than half the best are left out.
        """
        wanted = [word for word in dict.fromkeys(words) if word not in STOP_WORDS and not word.isdigit() and len(word) > 1]
        if not wanted:
            return []
        weight = self._weights
        pairs = set(zip(words, words[1:], strict=False))
        meant = self._meant(words)
        keys: dict[str, tuple[int, int, float, str]] = {}
        for code, (present, text_pairs) in self._texts.items():
            held = [word for word in wanted if word in present]
            if not held:
                continue
            score = sum(weight[word] for word in held)
            score += sum(weight.get(a, 0.0) + weight.get(b, 0.0) for a, b in pairs & text_pairs)
            keys[code] = (-len(held), meant.get(code, len(self.names)), -score, code)
        best = -min(key[2] for key in keys.values()) if keys else 0.0
        return sorted((code for code, key in keys.items() if -key[2] >= best / 2), key=keys.__getitem__)

    def _meant(self, words: list[str]) -> dict[str, int]:
        """Return the codes of the everyday words typed whole ("sửa xe": 4542, 4520, 9529) with their place."""
        place: dict[str, int] = {}
        for keyword in self.keywords:
            size = len(keyword.words)
            if any(tuple(words[start:start + size]) == keyword.words for start in range(len(words) - size + 1)):
                for position, code in enumerate(keyword.codes):
                    place[code] = min(place.get(code, position), position)
        return place

    @functools.cached_property
    def _texts(self) -> dict[str, tuple[frozenset[str], frozenset[tuple[str, str]]]]:
        """Return each code's words and pairs of neighbouring words: its names and its keywords, folded."""
        phrases: dict[str, list[list[str]]] = {}
        for code, name in self.names.items():
            phrases[code] = [_words(text) for text in (name, *self.details.get(code, ()))]
        for keyword in self.keywords:
            for code in keyword.codes:
                if code in phrases:
                    phrases[code].append(list(keyword.words))
        return {
            code: (frozenset(word for phrase in items for word in phrase),
                   frozenset(pair for phrase in items for pair in zip(phrase, phrase[1:], strict=False)))
            for code, items in phrases.items()
        }

    @functools.cached_property
    def _weights(self) -> dict[str, float]:
        """Return each word's weight: the rarer among the codes, the heavier (inverse document frequency)."""
        counts: dict[str, int] = {}
        for present, _ in self._texts.values():
            for word in present:
                counts[word] = counts.get(word, 0) + 1
        total = len(self._texts) + 1
        return {word: math.log(total / count) for word, count in counts.items()}


def as_index(vsic: Mapping[str, str]) -> VsicIndex:
    """Return the mapping as a searchable index (a plain {code: name} is searched by its names only)."""
    return vsic if isinstance(vsic, VsicIndex) else VsicIndex(names=dict(vsic))


def load_vsic(path: Path, keywords: Path | None = KEYWORDS_FILE) -> VsicIndex:
    """Read a VSIC CSV (code,level,name_vi): the level-4 codes, the names of their level-5 codes, and the keywords."""
    names: dict[str, str] = {}
    details: dict[str, list[str]] = {}
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code, level, name = row["code"].strip(), row["level"].strip(), row["name_vi"].strip()
            if level == "4":
                names[code] = name
            elif level == "5":
                details.setdefault(code[:4], []).append(name)
    found = load_keywords(keywords) if keywords is not None and Path(keywords).exists() else ()
    return VsicIndex(names=names, details={code: tuple(items) for code, items in details.items()}, keywords=found)


def load_keywords(path: Path) -> tuple[Keyword, ...]:
    """Read the everyday-words list (words,codes[,note]; codes separated by spaces), skipping '#' lines."""
    found = []
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        for row in rows:
            words, codes = tuple(_words(row.get("words") or "")), tuple((row.get("codes") or "").split())
            if words and codes:
                found.append(Keyword(words, codes))
    return tuple(found)


def keyword_problems(index: VsicIndex, path: Path = KEYWORDS_FILE) -> list[str]:
    """Return the everyday words whose codes are not level-4 codes of the list (for ``main.py check``)."""
    if not Path(path).exists():
        return []
    return [
        f"{path.name}: '{' '.join(keyword.words)}' names {code}, not a 4-digit code of the VSIC list"
        for keyword in load_keywords(path) for code in keyword.codes if code not in index.names
    ]
