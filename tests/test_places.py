"""The 2025 administrative units: read from the vietnam-provinces package, found by what people type."""

from __future__ import annotations

from dataclasses import replace

import main
from bot.settings import Settings
from flows import places


def names(found: list[places.Commune]) -> list[str]:
    return [c.name for c in found]


def test_the_2025_units_are_34_provinces_and_their_communes() -> None:
    assert len(places.provinces()) == 34
    assert sum(len(places.communes(p.code)) for p in places.provinces()) == 3321
    assert places.province("80").name == "Tây Ninh"
    assert places.province("79").short == "Hồ Chí Minh"
    commune = places.commune("27721")
    assert (commune.name, commune.kind, commune.province_code, commune.base) == ("Xã Tân Hưng", "xã", "80", "Tân Hưng")
    assert {c.kind for p in places.provinces() for c in places.communes(p.code)} == {"xã", "phường", "đặc khu"}
    assert places.problems() == []


def test_a_province_is_found_by_its_name_typed_any_way() -> None:
    for typed in ("tay ninh", "Tây Ninh", "TỈNH TÂY NINH", "  tây   ninh "):
        assert places.find_province(typed).code == "80", typed
    for typed in ("hcm", "TP HCM", "hồ chí minh", "Thành phố Hồ Chí Minh", "sài gòn"):
        assert places.find_province(typed).code == "79", typed
    assert places.find_province("ha noi").code == "01"
    assert places.find_province("Huế").code == "46"
    assert places.find_province("x") is None
    assert places.find_province("Bình Dương") is None  # merged into Hồ Chí Minh in 2025: not one of the 34


def test_communes_are_searched_by_words_without_accents_exact_first() -> None:
    assert names(places.search_communes("80", "tan hung")) == ["Xã Tân Hưng"]
    assert names(places.search_communes("80", "Xã TÂN HƯNG")) == ["Xã Tân Hưng"]
    found = names(places.search_communes("80", "tân"))
    assert len(found) == 8 and found[0] == "Xã Tân Hưng"  # the package's first "Tân ..." commune of Tây Ninh
    assert all(name.split(" ", 1)[1].startswith("Tân") for name in found)
    # a whole-word start ranks before a name that merely contains the words
    ninh = names(places.search_communes("80", "ninh", limit=20))
    assert ninh.index("Phường Ninh Thạnh") < ninh.index("Phường Tân Ninh")
    assert names(places.search_communes("79", "ben thanh")) == ["Phường Bến Thành"]
    assert names(places.search_communes("92", "ninh kieu")) == ["Phường Ninh Kiều"]
    assert places.search_communes("80", "không có xã này") == []
    assert places.search_communes("80", "   ") == []
    assert places.search_communes("00", "tan hung") == []  # no such province
    # the kind typed narrows the search
    assert all(c.kind == "phường" for c in places.search_communes("80", "phường tân"))


def test_exact_names_are_told_apart_from_partial_ones() -> None:
    assert names(places.exact("80", "tân ninh")) == ["Phường Tân Ninh"]
    assert names(places.exact("80", "Phường Tân Ninh")) == ["Phường Tân Ninh"]
    assert places.exact("80", "tân") == []


def test_an_old_written_address_gives_its_province_and_street() -> None:
    old = "Số 5 Lê Lợi, Phường 3, Thành phố Tây Ninh, Tỉnh Tây Ninh"
    assert places.province_in(old).code == "80"
    assert places.street_of(old) == "Số 5 Lê Lợi"
    assert places.street_of("Thôn 3, Xã Tân Hưng, Huyện Tân Châu, Tỉnh Tây Ninh") == "Thôn 3"
    assert places.street_of("Xã Tân Hưng, Tây Ninh") == ""
    assert places.street_of("12 Trần Hưng Đạo, Bình Thủy, Cần Thơ") == "12 Trần Hưng Đạo"
    assert places.street_of("Tây Ninh") == ""
    assert places.province_in("Số 5, Quận 1, Bình Dương") is None


def test_check_reports_broken_place_data(monkeypatch) -> None:
    sound = places.places()
    short = places.Places(sound.provinces[:33], sound.communes, sound.by_code)
    assert any("33 provinces, expected 34" in p for p in places.problems(short))
    empty = places.Places(sound.provinces, {**sound.communes, "80": ()}, sound.by_code)
    assert any("80 Tây Ninh has no communes" in p for p in places.problems(empty))
    twice = places.Places(sound.provinces, {**sound.communes, "79": sound.communes["79"] + sound.communes["80"][:1]}, sound.by_code)
    assert any("commune codes are not unique" in p for p in places.problems(twice))
    nameless = places.Places(sound.provinces, {**sound.communes, "80": (replace(sound.communes["80"][0], name=""),) + sound.communes["80"][1:]}, sound.by_code)
    assert any("has no name" in p for p in places.problems(nameless))
    # and main.py check says so
    assert not any("place data" in p for p in main.check(Settings()))
    monkeypatch.setattr(places, "places", lambda: short)
    assert any("33 provinces, expected 34" in p for p in main.check(Settings()))
