"""Photo checks (bot/photos.py) on generated pictures: size, type, orientation, light, sharpness, QR codes."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from bot.photos import ImageReport, PhotoRules, UnreadableImage, analyse, precheck, problems
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

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
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
    with pytest.raises(UnreadableImage):
        analyse(png_header(side, side))


def test_problems_come_in_a_fixed_order():
    assert problems(640, 480, 30.0, 5.0, RULES) == ["photo-too-small", "photo-too-dark", "photo-blurry"]
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


PHOTO_MIMES = ["image/jpeg", "image/png", "IMAGE/JPEG", "image/jpg", "image/jpeg; x=1", ""]


@pytest.mark.parametrize("mime", PHOTO_MIMES)
def test_precheck_accepts_photos_and_unknowns(mime):
    assert precheck(0, mime, RULES) is None  # size 0: unknown
    assert precheck(RULES.max_bytes, mime, RULES) is None
