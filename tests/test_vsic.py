"""The VSIC 2018 search: a business line found by everyday words, accent-insensitive, with its neighbours; a
typed 4-digit code still answers at once; the keyword list is data and checked against the code list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.validators import VALIDATORS, Invalid, Valid, ValidationContext
from flows.vsic import KEYWORDS_FILE, VsicIndex, keyword_problems, load_keywords, load_vsic

VSIC_CSV = Path(__file__).parent.parent / "flows" / "reference" / "vsic2018.csv"


@pytest.fixture(scope="module")
def vsic() -> VsicIndex:
    return load_vsic(VSIC_CSV)


def check(text: str, vsic, options=None) -> Valid | Invalid:
    return VALIDATORS["vsic_code"](text, ValidationContext(today=date(2026, 3, 5), answers={}, options=options or {}, vsic=vsic))


@pytest.mark.parametrize("typed", ["bán tạp hóa", "ban tap hoa", "BÁN TẠP HOÁ", "tạp  hóa", "Tạp hoá."])
def test_grocery_offers_4711_then_its_neighbours(typed: str, vsic: VsicIndex) -> None:
    found = vsic.search(typed)
    assert found[:4] == ["4711", "4719", "4721", "4722"], found
    assert len(found) <= 6


@pytest.mark.parametrize(
    ("typed", "first"),
    [("cà phê", "5630"), ("quan ca phe", "5630"), ("quán ăn", "5610"), ("sửa xe", "4542"), ("sửa xe máy", "4542"),
     ("sửa ô tô", "4520"), ("cắt tóc", "9631"), ("tiệm vàng", "4773"), ("trồng cà phê", "0126"), ("nhà thuốc", "4772"),
     ("bán hàng online", "4791"), ("nuôi trồng thủy sản", "0321")],
)
def test_everyday_words_find_the_line(typed: str, first: str, vsic: VsicIndex) -> None:
    assert vsic.search(typed)[0] == first, vsic.search(typed)


def test_official_words_are_searched_in_level_4_and_level_5_names(vsic: VsicIndex) -> None:
    assert vsic.search("siêu thị")[0] == "4711"  # only a level-5 name (47111) says it
    assert vsic.search("giặt là")[0] == "9620"


def test_neighbours_stay_in_the_division_and_come_in_code_order(vsic: VsicIndex) -> None:
    assert vsic.neighbours("4711", 3) == ["4719", "4721", "4722"]
    assert vsic.neighbours("4542", 3) == ["4530", "4541", "4543"]
    assert all(code.startswith("01") for code in vsic.neighbours("0111", 5))


def test_digits_search_by_code_prefix(vsic: VsicIndex) -> None:
    assert vsic.search("471")[:2] == ["4711", "4719"]
    assert vsic.search("47111")[0] == "4711"  # a level-5 code: its level-4 line


@pytest.mark.parametrize("typed", ["bán lẻ", "xyz", "a", "của các"])
def test_nothing_found_for_words_naming_no_trade(typed: str, vsic: VsicIndex) -> None:
    assert vsic.search(typed) == []


def test_the_validator_offers_what_the_search_found(vsic: VsicIndex) -> None:
    result = check("bán tạp hóa", vsic)
    assert isinstance(result, Invalid) and result.error.key == "vsic-search-found"
    assert [value for value, _ in result.offers][:2] == ["4711", "4719"]
    assert dict(result.offers)["4711"] == "4711"  # the button; the message names each code in full
    assert result.error.params["lines"].splitlines()[0] == f"4711 – {vsic['4711']}"
    assert {k: v for k, v in result.error.params.items() if k != "lines"} == {"query": "bán tạp hóa", "count": len(result.offers)}
    few = check("bán tạp hóa", vsic, {"offers": 2, "neighbours": 1})
    assert [value for value, _ in few.offers] == ["4711", "4719"]  # type: ignore[union-attr]
    none = check("xyz", vsic)
    assert isinstance(none, Invalid) and none.error.key == "vsic-search-none" and not none.offers


def test_a_typed_code_is_still_accepted_at_once(vsic: VsicIndex) -> None:
    result = check("4711", vsic)
    assert isinstance(result, Valid) and result.value == "4711"
    assert check("5610 quán ăn", vsic).value == "5610"  # type: ignore[union-attr]
    assert check("9999", vsic).error.key == "invalid-vsic-code-unknown"  # type: ignore[union-attr]


def test_the_keyword_list_is_data_and_every_code_is_known(vsic: VsicIndex, tmp_path: Path) -> None:
    keywords = load_keywords(KEYWORDS_FILE)
    assert len(keywords) >= 30
    assert keyword_problems(vsic) == []
    bad = tmp_path / "words.csv"
    bad.write_text("# comment\nwords,codes,note\ncho thuê áo cưới,7799 9633,\nxe ôm,4932,\n", encoding="utf-8")
    assert keyword_problems(vsic, bad) == ["words.csv: 'cho thue ao cuoi' names 7799, not a 4-digit code of the VSIC list"]
    custom = load_vsic(VSIC_CSV, keywords=bad)
    assert custom.search("cho thuê áo cưới")[0] == "9633"


def test_a_plain_mapping_is_searched_by_its_names() -> None:
    small = {"4711": "Bán lẻ lương thực, thực phẩm", "5610": "Nhà hàng và các dịch vụ ăn uống"}
    result = check("nhà hàng", small)
    assert isinstance(result, Invalid) and [value for value, _ in result.offers] == ["5610"]
    assert load_vsic(VSIC_CSV) == load_vsic(VSIC_CSV)  # compared as mappings


def test_matches_are_buttons_numbered_on_zalo(vsic: VsicIndex) -> None:
    from bot.channels.zalo.menus import build_menu, match, menu_text
    from bot.effects import Button, Say, Text
    from bot.engine.steps.text import with_offers
    from flows.definition import Step

    step = Step(id="main_line", kind="text", prompt="hkd-main-line", label="hkd-main-line-label")
    found = check("bán tạp hóa", vsic)
    asked = [Say(Text("ask-after"), ((Button(Text("back"), "b:main_line"),),))]
    (say,) = with_offers(asked, step, found.offers)  # type: ignore[union-attr]
    assert [b.data for b in say.buttons[0]] == ["a:main_line:4711", "a:main_line:4719", "a:main_line:4721"]
    assert say.buttons[-1][0].data == "b:main_line"  # the question's own buttons stay, after the offers
    menu = build_menu(say.buttons, lambda label: label if isinstance(label, str) else label.key)
    assert menu.numbered and menu_text(menu).splitlines()[:2] == ["1. 4711", "2. 4719"]
    assert match(menu, "1") == "a:main_line:4711" and match(menu, "4719") == "a:main_line:4719"
