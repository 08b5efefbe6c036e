"""Photo checks (bot/photos.py) on generated pictures: size, type, orientation, light, sharpness, QR codes;
the pixel cap, HEIC photos, and the desk checking photos one at a time."""

from __future__ import annotations

import asyncio
import io
import struct
import threading
import time
import warnings
import zlib
from dataclasses import replace
from datetime import datetime

import numpy as np
import pillow_heif
import pytest
from PIL import Image

import main
from bot.desk import VIETNAM
from bot.effects import Say, Text
from bot.events import ButtonPressed, Citizen, PhotoReceived, PhotoRef
from bot.photos import ImageReport, PhotoRules, TooManyPixels, UnreadableImage, analyse, as_jpeg, precheck, problems
from bot.settings import Settings, SettingsError, load_settings
from tests import imagegen

RULES = PhotoRules()


def check(data: bytes) -> tuple[ImageReport, list[str]]:
    """Analyse a picture and list its problems under the default rules."""
    report = analyse(data)
    return report, problems(report.width, report.height, report.brightness, report.sharpness, RULES)


def with_orientation(data: bytes, orientation: int, *, mirror: bool = False) -> bytes:
    """The same JPEG with an EXIF orientation tag (pixels mirrored first when asked, as a camera does)."""
    image = Image.open(io.BytesIO(data))
    if mirror:
        image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that announces width x height pixels but holds almost nothing (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


@pytest.fixture(scope="module")
def sharp_jpeg() -> bytes:
    return imagegen.document_photo()


def test_sharp_document_passes(sharp_jpeg):
    report, found = check(sharp_jpeg)
    assert found == []
    assert (report.mime, report.width, report.height) == ("image/jpeg", 1600, 1200)
    assert RULES.min_brightness < report.brightness < RULES.max_brightness
    assert report.qr_texts == ()


@pytest.mark.parametrize("blur", [3.0, 6.0])
def test_blurred_document_is_blurry(blur):
    _, found = check(imagegen.document_photo(blur=blur))
    assert found == ["photo-blurry"]


def test_dark_document_is_too_dark():
    report, found = check(imagegen.document_photo(brightness=0.12))
    assert report.brightness < RULES.min_brightness
    assert found[0] == "photo-too-dark"


def test_small_document_is_too_small():
    report, found = check(imagegen.document_photo(640, 480))
    assert (report.width, report.height) == (640, 480)
    assert found == ["photo-too-small"]


def test_png_is_accepted_and_measured_like_the_jpeg(sharp_jpeg):
    report, found = check(imagegen.document_photo(fmt="PNG"))
    assert report.mime == "image/png"
    assert found == []
    jpeg = analyse(sharp_jpeg)
    assert report.brightness == pytest.approx(jpeg.brightness, abs=2)
    assert report.sharpness == pytest.approx(jpeg.sharpness, rel=0.1)


def test_sharpness_threshold_has_margin_on_both_sides():
    """PhotoRules calibration: sharp pictures score twice the threshold or more, blurred ones half or less."""
    sharp = [
        imagegen.document_photo(seed=3),
        imagegen.document_photo(2400, 1800, seed=4),
        imagegen.document_photo(brightness=0.5, seed=5),
        imagegen.id_card_photo(None),
    ]
    for data in sharp:
        assert analyse(data).sharpness > 2 * RULES.min_sharpness
    for data in (imagegen.document_photo(blur=3.0, seed=3), imagegen.id_card_photo(None, blur=3.0)):
        assert analyse(data).sharpness < RULES.min_sharpness / 2


def test_mime_comes_from_the_bytes_not_from_the_name(sharp_jpeg):
    image = Image.open(io.BytesIO(sharp_jpeg))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    assert analyse(buffer.getvalue()).mime == "image/png"


def test_exif_rotated_jpeg_reports_rotated_dimensions(sharp_jpeg):
    plain = analyse(sharp_jpeg)
    rotated = analyse(with_orientation(sharp_jpeg, 6))
    assert (rotated.width, rotated.height) == (1200, 1600)
    assert rotated.brightness == pytest.approx(plain.brightness, abs=1)
    assert rotated.sharpness == pytest.approx(plain.sharpness, rel=0.1)
    assert analyse(with_orientation(sharp_jpeg, 3)).width == 1600  # upside down: same dimensions
    assert analyse(with_orientation(sharp_jpeg, 8)).width == 1200


def test_qr_is_found_in_a_turned_or_mirrored_photo():
    payload = imagegen.id_qr_payload()
    card = imagegen.id_card_photo(payload)
    assert analyse(with_orientation(card, 6), decode_qr=True).qr_texts == (payload,)
    assert analyse(with_orientation(card, 2, mirror=True), decode_qr=True).qr_texts == (payload,)


def test_qr_is_only_decoded_on_request(sharp_jpeg):
    card = imagegen.id_card_photo(imagegen.id_qr_payload())
    assert analyse(card).qr_texts == ()
    assert analyse(sharp_jpeg, decode_qr=True).qr_texts == ()


@pytest.mark.parametrize(
    "data",
    [
        imagegen.not_an_image(),
        b"",
        b"\xff\xd8\xff\xe0 not really a jpeg",
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
        b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",  # a valid GIF: not a type we accept
    ],
    ids=["pdf", "empty", "jpeg-magic-only", "gif"],
)
def test_non_images_are_unreadable(data):
    with pytest.raises(UnreadableImage):
        analyse(data)


def test_truncated_jpeg_is_unreadable(sharp_jpeg):
    with pytest.raises(UnreadableImage):
        analyse(sharp_jpeg[: len(sharp_jpeg) // 2])


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("side", [10_000, 30_000])  # above Pillow's warning limit, above its error limit
def test_decompression_bombs_are_unreadable(side):
    with pytest.raises(TooManyPixels):
        analyse(png_header(side, side))


def test_decompression_bomb_warnings_raised_as_errors_are_still_a_refusal():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as under `python -W error`: Pillow's warning becomes an exception
        with pytest.raises(TooManyPixels):
            analyse(png_header(10_000, 10_000))


def test_images_over_the_pixel_cap_are_refused_from_the_header(sharp_jpeg):
    """9400x9400 RGBA is under Pillow's own limit but would take 1.4 GB to check: refused before decoding."""
    with pytest.raises(TooManyPixels) as refused:
        analyse(png_header(9400, 9400))  # a header only: decoding it would fail differently
    assert (refused.value.width, refused.value.height, refused.value.max_pixels) == (9400, 9400, RULES.max_pixels)
    assert RULES.max_pixels == 40_000_000
    assert analyse(sharp_jpeg).width == 1600  # 1.9 megapixels: fine under the default cap
    with pytest.raises(TooManyPixels):
        analyse(sharp_jpeg, max_pixels=1_900_000)


def test_a_transparent_png_is_measured_like_the_same_page_on_white():
    """Transparent parts count as white paper (the RGBA path keeps one grayscale copy, not three RGBA ones)."""
    page = Image.open(io.BytesIO(imagegen.document_photo(fmt="PNG"))).convert("L")
    ink = Image.fromarray(255 - np.asarray(page), "L")  # dark text is opaque, the white page transparent
    transparent = Image.new("RGBA", page.size, (0, 0, 0, 0))
    transparent.putalpha(ink)
    on_white = analyse(encoded(page, "PNG"))
    report = analyse(encoded(transparent, "PNG"))
    assert report.brightness == pytest.approx(on_white.brightness, abs=1)
    assert report.sharpness == pytest.approx(on_white.sharpness, rel=0.02)


def test_a_16_bit_png_is_measured_like_the_8_bit_one():
    page = Image.open(io.BytesIO(imagegen.document_photo(fmt="PNG"))).convert("L")
    deep = Image.fromarray(np.asarray(page).astype(np.uint16) * 257)
    report = analyse(encoded(deep, "PNG"))
    plain = analyse(encoded(page, "PNG"))
    assert report.brightness == pytest.approx(plain.brightness, abs=1)
    assert report.sharpness == pytest.approx(plain.sharpness, rel=0.02)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    """The image's bytes in a format."""
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def heic(data: bytes) -> bytes:
    """A picture re-encoded as an iPhone would store it: HEIC (made here with pillow-heif, no fixture)."""
    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.open(io.BytesIO(data))).save(buffer, quality=90, enc_params={"preset": "ultrafast"})
    return buffer.getvalue()


@pytest.fixture(scope="module")
def sharp_heic(sharp_jpeg) -> bytes:
    return heic(sharp_jpeg)


def test_a_heic_photo_becomes_a_jpeg_measured_like_the_original(sharp_jpeg, sharp_heic):
    original = sharp_heic
    assert pillow_heif.is_supported(original) and not original.startswith(b"\xff\xd8")
    with pytest.raises(UnreadableImage):
        analyse(original)  # the checks read JPEG and PNG only: HEIC is converted first
    jpeg = as_jpeg(original)
    assert jpeg.startswith(b"\xff\xd8")
    report, found = check(jpeg)
    assert (report.mime, report.width, report.height, found) == ("image/jpeg", 1600, 1200, [])
    assert report.sharpness == pytest.approx(analyse(sharp_jpeg).sharpness, rel=0.25)
    blurred = check(as_jpeg(heic(imagegen.document_photo(blur=3.0))))[1]
    assert blurred == ["photo-blurry"]


def test_other_bytes_pass_as_jpeg_unchanged_and_broken_heic_is_unreadable(sharp_jpeg, sharp_heic):
    assert as_jpeg(sharp_jpeg) is sharp_jpeg
    assert as_jpeg(b"%PDF-1.4") == b"%PDF-1.4"  # refused later by analyse, as before
    with pytest.raises(UnreadableImage):
        as_jpeg(sharp_heic[:300])
    with pytest.raises(TooManyPixels):
        as_jpeg(sharp_heic, max_pixels=1_000_000)


def test_the_pixel_cap_is_a_setting_in_megapixels():
    def settings_from(**env):
        return load_settings(environ=env, dotenv=Settings().data_dir / "no.env")

    assert settings_from().photo_max_megapixels == 40
    assert settings_from(PHOTO_MAX_MEGAPIXELS="12").photo_max_megapixels == 12
    for wrong in ("0", "200", "many"):
        with pytest.raises(SettingsError, match="PHOTO_MAX_MEGAPIXELS"):
            settings_from(PHOTO_MAX_MEGAPIXELS=wrong)


def test_problems_come_in_a_fixed_order():
    assert problems(640, 480, 30.0, 5.0, RULES) == ["photo-too-small", "photo-too-dark"]
    assert problems(640, 480, 150.0, 5.0, RULES) == ["photo-too-small", "photo-blurry"]
    assert problems(1600, 1200, 250.0, 5.0, RULES) == ["photo-too-bright", "photo-blurry"]
    assert problems(1600, 1200, 150.0, 1000.0, RULES) == []


def test_size_limits_apply_to_the_long_and_the_short_side():
    bright, sharp = 150.0, 1000.0
    assert problems(600, 800, bright, sharp, RULES) == []  # portrait, exactly at the limits
    assert problems(799, 600, bright, sharp, RULES) == ["photo-too-small"]
    assert problems(2000, 599, bright, sharp, RULES) == ["photo-too-small"]


def test_precheck_refuses_large_files_and_other_types():
    assert precheck(20 * 1024 * 1024, "image/jpeg", RULES) == "photo-too-large"
    assert precheck(100_000, "application/pdf", RULES) == "photo-wrong-type"
    # A big PDF: the type is what to fix, a smaller PDF would not be accepted either.
    assert precheck(20 * 1024 * 1024, "application/pdf", RULES) == "photo-wrong-type"


PHOTO_MIMES = ["image/jpeg", "image/png", "IMAGE/JPEG", "image/jpg", "image/jpeg; x=1", "", "image/heic", "image/heif"]


@pytest.mark.parametrize("mime", PHOTO_MIMES)
def test_precheck_accepts_photos_and_unknowns(mime):
    assert precheck(0, mime, RULES) is None  # size 0: unknown
    assert precheck(RULES.max_bytes, mime, RULES) is None


# The desk: what a citizen sees, and photos checked one at a time whatever the number of citizens.

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=VIETNAM)


class PhotoDesk:
    """The wired service in-process, with citizens at the first photo step of a birth registration."""

    def __init__(self, tmp_path, **settings) -> None:
        self.services = main.build(replace(Settings(), data_dir=tmp_path / "data", **settings), clock=lambda: NOW)
        self.files: dict[str, bytes] = {}

    async def fetch(self, ref: PhotoRef) -> bytes:
        return self.files[ref.file_ref]

    async def at_photo_step(self, citizen: Citizen) -> None:
        for data in ("m:birth_registration", "a:consent:yes", "a:relationship:father"):
            await self.services.desk.handle(ButtonPressed(citizen, data), self.fetch)
        assert self.step(citizen) == "requester_id_card"

    async def send_photo(self, citizen: Citizen, data: bytes, mime: str = "image/jpeg") -> list[str]:
        """Send one photo as a file; return the replies as the citizen reads them (in Vietnamese)."""
        ref = f"file-{len(self.files) + 1}"
        self.files[ref] = data
        event = PhotoReceived(citizen, (PhotoRef(file_ref=ref, size=len(data), mime=mime),))
        effects = await self.services.desk.handle(event, self.fetch)
        return [self.services.catalog.render("vi", e.text) for e in effects if isinstance(e, Say)]

    def step(self, citizen: Citizen) -> str | None:
        return self.services.desk.session(citizen).step

    def photos(self, citizen: Citizen) -> list[dict]:
        return self.services.desk.session(citizen).answers.get("requester_id_card") or []


def keys(text: Text) -> set[str]:
    """Every message key in a text and the texts nested in its parameters."""
    found = {text.key}
    for value in text.params.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Text):
                found |= keys(item)
    return found


async def test_a_citizen_over_the_cap_is_told_the_maximum_and_stays_at_the_question(tmp_path):
    desk = PhotoDesk(tmp_path, photo_max_megapixels=12)
    citizen = Citizen("telegram", "2001")
    await desk.at_photo_step(citizen)
    big = png_header(5000, 5000)  # 25 megapixels: over this office's 12
    replies = await desk.send_photo(citizen, big, "image/png")
    assert desk.step(citizen) == "requester_id_card" and desk.photos(citizen) == []
    said = "\n".join(replies)
    assert "tối đa 12 triệu điểm ảnh" in said and "Ông/Bà" in said and "chụp màn hình" in said
    assert not list((tmp_path / "data" / "blobs").rglob("*.png")), "a refused image is not stored"
    # the same citizen goes on with an ordinary photo
    replies = await desk.send_photo(citizen, imagegen.document_photo(seed=5))
    assert len(desk.photos(citizen)) == 1


async def test_a_heic_photo_is_accepted_and_kept_as_a_jpeg(tmp_path):
    desk = PhotoDesk(tmp_path)
    citizen = Citizen("telegram", "2002")
    await desk.at_photo_step(citizen)
    assert await desk.send_photo(citizen, heic(imagegen.document_photo(seed=6)), "image/heic")
    [photo] = desk.photos(citizen)
    assert photo["mime"] == "image/jpeg" and (photo["width"], photo["height"]) == (1600, 1200)
    [stored] = list((tmp_path / "data" / "blobs").rglob(photo["sha256"] + ".*"))
    assert stored.suffix == ".jpg" and stored.read_bytes().startswith(b"\xff\xd8")
    assert Image.open(stored).format == "JPEG"


async def test_photos_are_checked_one_at_a_time_whatever_the_number_of_citizens(tmp_path):
    desk = PhotoDesk(tmp_path)
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_analyse(data: bytes, **options) -> ImageReport:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)  # long enough for every citizen's check to be waiting at once
        with lock:
            running[0] -= 1
        return analyse(data, **options)

    desk.services.desk.analyse = slow_analyse
    citizens = [Citizen("telegram", str(3000 + n)) for n in range(6)]
    for citizen in citizens:
        await desk.at_photo_step(citizen)
    photo = imagegen.document_photo(seed=8)
    await asyncio.gather(*(desk.send_photo(citizen, photo) for citizen in citizens))
    assert all(len(desk.photos(citizen)) == 1 for citizen in citizens)
    assert most[0] == 1, f"{most[0]} photo checks ran at once"
