"""The declaration PDF: a dossier's tờ khai / giấy đề nghị, laid out like the official form, filled from its answers.

The layout of each procedure's form is data (``flows/forms/<flow id>.yaml``, read by ``flows/forms.py``); this
module only draws: the national emblem header, the title, "Kính gửi: <office>", the numbered fields on dotted
lines, the requester's commitment, the place and date line and the signature block, with fpdf2 (on the page of
``bot/form_page.py``, imported only when drawing) and the committed DejaVu Serif fonts (``bot/fonts/``), which
write every Vietnamese letter. Officials print it for the citizen to
sign at the office. Drawing takes tens of milliseconds, so it is not done in the desk's transaction: a card's post
names its dossier (``AdminPost.declaration``) and the sender draws the PDF, in a thread, when it posts the card,
from the answers as they are then (after a supplement, the supplemented ones). Answers are read as stored: a choice in the form's own words (whatever language the citizen
used), a place as "street, commune, province", anything else as the citizen saw it on the review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from flows.forms import Field, Form, Repeated, Row, Sentence
from storage.blobs import BlobStore

if TYPE_CHECKING:
    from bot.form_page import FormPage

PDF_MIME = "application/pdf"
FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVuSerif"
LINE = 6.6  # mm between the form's lines
SIZE = 11  # the form's type size, in points
DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


# -- values --------------------------------------------------------------------------------------


def place_text(place: dict[str, Any]) -> str:
    """Return a place answer as "street, commune, province" (empty parts left out)."""
    return ", ".join(str(place.get(part) or "").strip() for part in ("street", "commune", "province") if place.get(part))


def _two_digits(n: int) -> str:
    if n < 10:
        return DIGITS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        return f"{head} lăm"
    if unit == 1 and tens > 1:
        return f"{head} mốt"
    return f"{head} {DIGITS[unit]}"


def number_words(n: int) -> str:
    """Return a number from 0 to 9999 in Vietnamese words ("hai nghìn không trăm hai mươi sáu")."""
    thousands, rest = divmod(n, 1000)
    hundreds, last = divmod(rest, 100)
    parts = []
    if thousands:
        parts.append(f"{number_words(thousands)} nghìn")
    if hundreds or (thousands and last):
        parts.append(f"{DIGITS[hundreds]} trăm")
    if last:
        parts.append(f"linh {DIGITS[last]}" if (thousands or hundreds) and last < 10 else _two_digits(last))
    return " ".join(parts) or DIGITS[0]


def date_words(day: date) -> str:
    """Return a date in words as the forms write it ("Ngày mồng một tháng ba năm hai nghìn không trăm hai mươi sáu")."""
    days = f"mồng {_two_digits(day.day)}" if day.day <= 10 else _two_digits(day.day)
    month = "tư" if day.month == 4 else _two_digits(day.month)
    return f"Ngày {days} tháng {month} năm {number_words(day.year)}"


def _as_words(text: str) -> str:
    try:
        return date_words(datetime.strptime(text.strip(), "%d/%m/%Y").date())
    except ValueError:
        return ""  # a year alone, or an answer left to an officer: the form keeps its dots


def value_of(field: Field, answers: dict[str, Any], shown: dict[str, Any]) -> str:
    """Return the text that fills a field: its first answered reference, worded and formatted; "" when none is."""
    for ref in field.refs:
        raw = answers.get(ref)
        if raw is None or raw == "" or raw == []:
            continue
        if field.choices and str(raw) in field.choices:
            text = field.choices[str(raw)]
        elif isinstance(raw, dict):
            text = place_text(raw)
        else:
            text = str(shown.get(ref) or raw)
        if field.transform == "words":
            text = _as_words(str(raw))
        elif field.transform == "upper":
            text = text.upper()
        return field.format.format(text) if text else ""
    return ""


def _item_answers(item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a repeat item as stored into its answers and what the citizen saw ("<id>#shown")."""
    answers = {k: v for k, v in item.items() if "#" not in k}
    shown = {k.split("#")[0]: v for k, v in item.items() if k.endswith("#shown")}
    return answers, shown


# -- drawing -------------------------------------------------------------------------------------


def _line(pdf: "FormPage", line: Field | Row, answers: dict[str, Any], shown: dict[str, Any]) -> None:
    if isinstance(line, Field):
        pdf.field(line.label, value_of(line, answers, shown))
    else:
        width = (pdf.right - pdf.l_margin) / len(line.fields)
        for number, field in enumerate(line.fields, 1):
            pdf.field(field.label, value_of(field, answers, shown), pdf.l_margin + number * width)
            if number < len(line.fields):
                pdf.write(LINE, " ")
    pdf.ln(LINE)


def render(form: Form, answers: dict[str, Any], shown: dict[str, Any], *, office: str, place: str, on: date,
           code: str) -> bytes:
    """Draw a dossier's declaration and return the PDF's bytes (the same answers give the same bytes)."""
    from bot.form_page import FormPage  # fpdf2 takes a second or two to import: only when drawing

    pdf = FormPage()
    pdf.set_title(f"{form.title.capitalize()} {code}")
    pdf.set_creator("motcua")
    pdf.set_creation_date(datetime(on.year, on.month, on.day))
    pdf.add_page()
    width = pdf.right - pdf.l_margin
    pdf.set_font(FAMILY, "I", 9)
    if form.reference:
        pdf.cell(width, 4.5, form.reference, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(width, 4.5, f"Mã hồ sơ: {code}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FAMILY, "B", SIZE)
    pdf.cell(width, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(width, 6, "Độc lập - Tự do - Hạnh phúc", align="C", new_x="LMARGIN", new_y="NEXT")
    middle = pdf.l_margin + width / 2
    pdf.line(middle - 28, pdf.get_y() + 1, middle + 28, pdf.get_y() + 1)
    pdf.ln(8)
    pdf.set_font(FAMILY, "B", 14)
    pdf.multi_cell(width, 7, form.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if form.addressed:
        pdf.set_font(FAMILY, "", SIZE)
        pdf.multi_cell(width, LINE, f"Kính gửi: {office}", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    _lines(pdf, form.lines, answers, shown)
    pdf.ln(1)
    pdf.set_font(FAMILY, "", SIZE)
    pdf.multi_cell(width, 6.5, form.commitment, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    _signature(pdf, form, answers, shown, place, on)
    if form.after:
        pdf.ln(4)
        _lines(pdf, form.after, answers, shown)
    return bytes(pdf.output())


def _lines(pdf: "FormPage", lines: tuple, answers: dict[str, Any], shown: dict[str, Any]) -> None:
    width = pdf.right - pdf.l_margin
    for line in lines:
        if isinstance(line, Sentence):
            if line.when is not None and not answers.get(line.when):
                continue
            pdf.set_font(FAMILY, "B" if line.bold else "", SIZE)
            pdf.multi_cell(width, LINE, line.text, new_x="LMARGIN", new_y="NEXT")
        elif isinstance(line, Repeated):
            for number, item in enumerate(answers.get(line.ref) or (), 1):
                if not isinstance(item, dict):
                    continue
                item_answers, item_shown = _item_answers(item)
                pdf.set_font(FAMILY, "I", SIZE)
                pdf.cell(width, LINE, line.heading.format(n=number), new_x="LMARGIN", new_y="NEXT")
                for inner in line.lines:
                    _line(pdf, inner, item_answers, item_shown)
        else:
            _line(pdf, line, answers, shown)


def _signature(pdf: "FormPage", form: Form, answers: dict[str, Any], shown: dict[str, Any], place: str, on: date) -> None:
    """The place and date line, then who signs, how, room for the signature and the name, in the right half."""
    half = (pdf.right - pdf.l_margin) / 2
    left = pdf.l_margin + half - 15
    where = f"{place}, " if place else "..............., "
    pdf.set_x(left)
    pdf.set_font(FAMILY, "I", SIZE - 1)
    pdf.multi_cell(half + 15, LINE, f"{where}ngày {on.day:02d} tháng {on.month:02d} năm {on.year}", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(left)
    pdf.set_font(FAMILY, "B", SIZE)
    pdf.cell(half + 15, LINE, form.signature.title, align="C", new_x="LMARGIN", new_y="NEXT")
    if form.signature.note:
        pdf.set_x(left)
        pdf.set_font(FAMILY, "I", 10)
        pdf.cell(half + 15, 5, form.signature.note, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(18)
    if form.signature.name:
        name = value_of(Field("", (form.signature.name,)), answers, shown)
        pdf.set_x(left)
        pdf.set_font(FAMILY, "B", SIZE)
        pdf.cell(half + 15, LINE, name, align="C", new_x="LMARGIN", new_y="NEXT")


# -- for the back office and the sender -------------------------------------------------------------


@dataclass(frozen=True)
class Drawing:
    """Everything a dossier's declaration is drawn from, read in one go (drawing it needs no database)."""

    form: Form
    answers: dict[str, Any]
    shown: dict[str, Any]
    office: str
    place: str
    on: date
    code: str

    @property
    def file_name(self) -> str:
        return f"{self.form.file_name}-{self.code}.pdf"

    def draw(self, blobs: BlobStore) -> tuple[str, str]:
        """Draw the PDF (tens of milliseconds: the sender runs this in a thread) and store it; return (path, file name)."""
        data = render(self.form, self.answers, self.shown, office=self.office, place=self.place, on=self.on, code=self.code)
        _, path = blobs.put(data, PDF_MIME)
        return str(path), self.file_name


@dataclass
class Declarations:
    """The procedures' declaration forms, by flow id, and where each office's declarations are made."""

    forms: dict[str, Form]
    place_of: Callable[[str], str] = lambda commune_code: ""  # an office's commune code -> "Phường Tân Ninh"

    def drawing(self, dossier, office) -> Drawing | None:
        """Return what a dossier's declaration is drawn from, as the dossier is now; None if its procedure has no form."""
        form = self.forms.get(dossier.flow_id)
        if form is None:
            return None
        return Drawing(form, dict(dossier.answers), dict(dossier.shown or {}), office.name, self.place_of(office.commune),
                       datetime.fromisoformat(dossier.submitted_at).date(), dossier.receipt_code)
