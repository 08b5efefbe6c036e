"""split_text: parts fit Zalo's 2000 characters, nothing is lost, words stay whole when they can."""

from __future__ import annotations

import random
import pytest

from bot.channels.text import split_text
from bot.channels.zalo.client import MESSAGE_LIMIT

WORDS = ["Ủy", "ban", "nhân", "dân", "xã", "đăng", "ký", "khai", "sinh", "hồ", "sơ", "thủ", "tục",
         "giấy", "chứng", "nhận", "hộ", "kinh", "doanh", "https://dichvucong.gov.vn/p/home", "—", "1.", "🙂"]


def rejoins(text: str, parts: list[str]) -> bool:
    """Tell whether the parts, each followed by nothing or by a consumed run of "\\n", spell the text."""
    reachable = {0}  # positions in text where the next part may start
    for part in parts:
        ends = {pos + len(part) for pos in reachable if text.startswith(part, pos)}
        reachable = set(ends)
        for end in ends:
            pos = end
            while text[pos:pos + 1] == "\n":
                pos += 1
                reachable.add(pos)
        if not reachable:
            return False
    return len(text) in reachable


def random_line(rng: random.Random, max_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, max_words)))


def random_text(rng: random.Random, max_words: int) -> str:
    return "\n".join(random_line(rng, max_words) for _ in range(rng.randint(1, 60)))


def test_short_text_is_one_part_and_empty_text_none():
    assert split_text("Xin chào", MESSAGE_LIMIT) == ["Xin chào"]
    assert split_text("x" * MESSAGE_LIMIT, MESSAGE_LIMIT) == ["x" * MESSAGE_LIMIT]
    assert split_text("", MESSAGE_LIMIT) == []


def test_rejects_a_useless_limit():
    with pytest.raises(ValueError):
        split_text("abc", 1)


@pytest.mark.parametrize("seed", range(40))
def test_random_texts_fit_and_rejoin(seed):
    rng = random.Random(seed)
    limit = rng.choice([40, 120, 500, MESSAGE_LIMIT])
    text = random_text(rng, max_words=rng.choice([5, 40, 400]))
    parts = split_text(text, limit)
    assert all(0 < len(part) <= limit for part in parts)
    assert rejoins(text, parts), (text, parts)


@pytest.mark.parametrize("seed", range(40))
def test_lines_within_the_limit_are_never_cut(seed):
    rng = random.Random(1000 + seed)
    limit = rng.choice([60, 300, MESSAGE_LIMIT])
    lines = [line[:limit] for line in random_text(rng, max_words=60).split("\n")]
    text = "\n".join(lines)
    parts = split_text(text, limit)
    assert rejoins(text, parts)
    assert all(line in lines for part in parts for line in part.split("\n"))
    assert [line for part in parts for line in part.split("\n") if line] == [line for line in lines if line]


@pytest.mark.parametrize("seed", range(40))
def test_long_lines_split_between_words(seed):
    rng = random.Random(2000 + seed)
    limit = rng.choice([50, 200, MESSAGE_LIMIT])
    text = random_line(rng, max_words=limit)  # one line, usually much longer than the limit
    parts = split_text(text, limit)
    assert all(0 < len(part) <= limit for part in parts)
    assert "".join(parts) == text
    assert [word for part in parts for word in part.split()] == text.split()


def test_a_word_longer_than_the_limit_is_cut_without_loss():
    text = "mở đầu " + "A" * 4500 + " kết thúc"
    parts = split_text(text, MESSAGE_LIMIT)
    assert all(len(part) <= MESSAGE_LIMIT for part in parts)
    assert "".join(parts) == text


def test_a_cut_never_strands_a_combining_mark():
    text = ("a\u0301" * 30)  # decomposed "á" repeated, no spaces
    parts = split_text(text, 7)
    assert "".join(parts) == text
    assert all(not part.startswith("\u0301") for part in parts)


def test_the_blank_lines_at_a_cut_are_consumed():
    first, second = "Đoạn một. " * 150, "Đoạn hai. " * 150
    text = f"{first.strip()}\n\n{second.strip()}"
    assert split_text(text, MESSAGE_LIMIT) == [first.strip(), second.strip()]
    assert split_text("\n\n" + text + "\n\n", MESSAGE_LIMIT) == ["\n\n" + first.strip(), second.strip() + "\n\n"]
