"""Regenerable test images: photo-like documents and ID cards drawn with Pillow (no binary blobs in the repo).

Every function is deterministic for given arguments, so tests can rely on the exact bytes. The pictures
only imitate the properties the checks look at (paper brightness, fine text detail, camera blur, sensor
noise, JPEG compression, a QR code on a card); they are not meant to look like real documents.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
JPEG_QUALITY = 85  # what phone chat apps typically send
NOISE_SIGMA = 2.0  # sensor noise, in grey levels
ID_CARD_RATIO = 85.6 / 53.98  # ISO/IEC 7810 ID-1

WORDS = (
    "họ và tên ngày tháng năm sinh nơi cư trú giới tính dân tộc quốc tịch số định danh cá nhân "
    "bệnh viện đa khoa tỉnh khoa sản phòng sinh cân nặng gam con thứ mấy người đỡ đẻ bác sĩ "
    "xác nhận chứng sinh mẹ cha trẻ em phường xã thành phố quận huyện ấp thôn đường số nhà "
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thị Văn Minh Hương Lan Tuấn"
).split()
LABELS = (
    "Họ và tên mẹ",
    "Năm sinh",
    "Số định danh cá nhân",
    "Nơi thường trú",
    "Dân tộc",
    "Đã sinh con vào lúc",
    "Tại",
    "Số lần sinh",
    "Số con trong lần sinh",
    "Giới tính của con",
    "Cân nặng",
    "Dự định đặt tên con là",
    "Ghi chú",
)


def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (has Vietnamese glyphs) when installed, else Pillow's default font at that size."""
    path = FONT_BOLD if bold else FONT_REGULAR
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _encode(image: Image.Image, fmt: str) -> bytes:
    """The image as JPEG (phone-like quality) or PNG bytes."""
    buffer = io.BytesIO()
    if fmt.upper() in ("JPEG", "JPG"):
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    elif fmt.upper() == "PNG":
        image.save(buffer, format="PNG", compress_level=1)
    else:
        raise ValueError(f"unsupported format {fmt!r}")
    return buffer.getvalue()


def _camera(image: Image.Image, *, blur: float, brightness: float, seed: int) -> Image.Image:
    """What a cheap camera does to a scene: defocus blur, uneven light, exposure, sensor noise."""
    if blur > 0:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(image, dtype=np.float32)
    height, width = pixels.shape[:2]
    # Light falls off a little towards the bottom right corner.
    across = np.arange(width, dtype=np.float32) / width
    down = np.arange(height, dtype=np.float32)[:, None] / height
    light = (1.0 - 0.04 * (across + down)) * brightness
    pixels = pixels * light[..., None]
    rng = np.random.default_rng(seed)
    pixels += rng.normal(0.0, NOISE_SIGMA, size=(height, width, 1)).astype(np.float32)
    return Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8), "RGB")


def document_photo(
    width: int = 1600,
    height: int = 1200,
    *,
    title: str = "GIẤY CHỨNG SINH",
    blur: float = 0.0,
    brightness: float = 1.0,
    fmt: str = "JPEG",
    seed: int = 0,
) -> bytes:
    """A photo of a printed page lying on a table: many text lines, a table, a stamp; JPEG or PNG bytes."""
    rnd = random.Random(seed)
    image = Image.new("RGB", (width, height), (104, 86, 70))
    draw = ImageDraw.Draw(image)
    unit = min(width, height)
    margin_x, margin_y = int(width * 0.05), int(height * 0.04)
    left, top, right, bottom = margin_x, margin_y, width - margin_x, height - margin_y
    draw.rectangle((left, top, right, bottom), fill=(238, 234, 224))

    body, small = _font(max(8, unit // 48)), _font(max(7, unit // 64))
    heading = _font(max(10, unit // 26), bold=True)
    line_height = int(unit / 48 * 1.6)
    x0, y = left + unit // 20, top + unit // 30
    draw.text((x0, y), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=small, fill=(30, 30, 30))
    number = f"Số: {rnd.randint(1000, 9999)}/GCS"
    draw.text((right - unit // 2.6, y), number, font=small, fill=(30, 30, 30))
    y += line_height
    draw.text((x0, y), "Độc lập - Tự do - Hạnh phúc", font=small, fill=(30, 30, 30))
    y += line_height * 2
    title_width = draw.textlength(title, font=heading)
    draw.text(((left + right - title_width) / 2, y), title, font=heading, fill=(20, 20, 20))
    y += line_height * 2

    # Label/value lines, then a ruled table, until the page is full.
    table_top = int(top + (bottom - top) * 0.72)
    while y < table_top - line_height:
        label = rnd.choice(LABELS) + ": "
        draw.text((x0, y), label, font=body, fill=(25, 25, 25))
        value = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 9)))
        draw.text((x0 + draw.textlength(label, font=body), y), value, font=body, fill=(40, 40, 90))
        y += line_height
    columns, rows = 4, 4
    cell_w, cell_h = (right - left - 2 * (x0 - left)) / columns, line_height * 1.3
    rule = max(1, unit // 600)
    for row in range(rows):
        for column in range(columns):
            cx, cy = x0 + column * cell_w, table_top + row * cell_h
            draw.rectangle((cx, cy, cx + cell_w, cy + cell_h), outline=(40, 40, 40), width=rule)
            draw.text((cx + 6, cy + cell_h * 0.2), rnd.choice(WORDS), font=small, fill=(30, 30, 30))

    # A red round stamp and a signature scribble at the bottom right.
    stamp_r = unit // 14
    sx, sy = right - unit // 5, bottom - stamp_r - unit // 40
    stamp_box = (sx - stamp_r, sy - stamp_r, sx + stamp_r, sy + stamp_r)
    draw.ellipse(stamp_box, outline=(190, 40, 40), width=max(2, unit // 250))
    draw.text((sx - stamp_r * 0.7, sy - unit // 90), "BỆNH VIỆN", font=small, fill=(190, 40, 40))
    points = [(sx - stamp_r * 2 + i * unit / 90, sy + rnd.uniform(-1, 1) * unit / 60) for i in range(12)]
    draw.line(points, fill=(20, 30, 110), width=max(1, unit // 400))

    return _encode(_camera(image, blur=blur, brightness=brightness, seed=seed), fmt)


def _qr_image(payload: str, size: int) -> Image.Image:
    """The payload as a QR code (error correction M, 2-module quiet zone), scaled to about size px."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=2)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    matrix = np.array(code.get_matrix(), dtype=bool)
    module = max(3, size // matrix.shape[0])
    pixels = np.where(matrix, 0, 255).astype(np.uint8)
    scaled = (matrix.shape[1] * module, matrix.shape[0] * module)
    return Image.fromarray(pixels, "L").resize(scaled, Image.Resampling.NEAREST)


def id_card_photo(
    qr_payload: str | None,
    *,
    width: int = 1600,
    height: int = 1200,
    fmt: str = "JPEG",
    blur: float = 0.0,
) -> bytes:
    """A chip ID card photographed on a wooden table, with the payload's QR code at its top right."""
    rng = np.random.default_rng(7)
    grain = np.sin(np.linspace(0, 60, height))[:, None] * 12 + rng.normal(0, 6, (height, 1))
    table = np.clip(np.array([120, 84, 52], dtype=np.float32) + grain[..., None], 0, 255)
    image = Image.fromarray(np.broadcast_to(table, (height, width, 3)).astype(np.uint8), "RGB")

    card_w = int(min(width * 0.66, height * 0.8 * ID_CARD_RATIO))
    card_h = int(card_w / ID_CARD_RATIO)
    card = Image.new("RGB", (card_w, card_h), (226, 233, 238))
    draw = ImageDraw.Draw(card)
    fields = (qr_payload or id_qr_payload()).split("|")
    fields += [""] * (7 - len(fields))
    pad = card_w // 30
    small, body = _font(max(7, card_w // 48)), _font(max(8, card_w // 34), bold=True)
    draw.text((pad, pad), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=small, fill=(30, 30, 60))
    draw.text((pad, pad + card_w // 34), "CĂN CƯỚC CÔNG DÂN", font=body, fill=(170, 30, 30))
    photo_top = card_h // 3
    draw.rectangle((pad, photo_top, pad + card_w // 4, photo_top + card_w // 3), fill=(150, 160, 175))
    text_x, text_y, step = pad * 2 + card_w // 4, photo_top, card_w // 22
    birth = fields[3]
    lines = (
        f"Số / No.: {fields[0]}",
        f"Họ và tên / Full name: {fields[2].upper()}",
        f"Ngày sinh / Date of birth: {birth[:2]}/{birth[2:4]}/{birth[4:]}",
        f"Giới tính / Sex: {fields[4]}    Quốc tịch: Việt Nam",
        "Nơi thường trú / Place of residence:",
        fields[5],
    )
    for index, line in enumerate(lines):
        draw.text((text_x, text_y + index * step), line, font=small, fill=(25, 25, 25))
    if qr_payload is not None:
        qr = _qr_image(qr_payload, card_w // 4)
        card.paste(qr, (card_w - pad - qr.width, pad))

    card = card.rotate(2.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0))
    mask = Image.new("L", (card_w, card_h), 255).rotate(2.0, resample=Image.Resampling.BICUBIC, expand=True)
    image.paste(card, ((width - card.width) // 2, (height - card.height) // 2), mask)
    return _encode(_camera(image, blur=blur, brightness=1.0, seed=7), fmt)


def id_qr_payload(
    id_number: str = "001090012345",
    full_name: str = "Nguyễn Văn An",
    birth_date: str = "15031990",
    sex: str = "Nam",
    address: str = "Số 1 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh",
    issue_date: str = "10052021",
    old_id: str = "",
) -> str:
    """The text of a chip ID card's QR code: the seven '|'-separated fields."""
    return "|".join((id_number, old_id, full_name, birth_date, sex, address, issue_date))


def not_an_image() -> bytes:
    """The start of a small PDF file: something citizens send instead of a photo."""
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% giay chung sinh\n%%EOF\n"
