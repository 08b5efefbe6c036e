"""An A4 page for filling a form with fpdf2: the DejaVu Serif fonts of bot/fonts/ and fields on dotted lines.

Imported only when a declaration is drawn (bot/declaration.py): fpdf2 and fontTools take a second or two to import,
which start-up should not pay.
"""

from __future__ import annotations

from fpdf import FPDF

from bot.declaration import FAMILY, FONTS, LINE, SIZE


class FormPage(FPDF):
    """An A4 form page with the DejaVu Serif family."""

    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_margins(25, 15, 18)
        self.set_auto_page_break(True, margin=15)
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSerif.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSerif-Bold.ttf"))
        self.add_font(FAMILY, "I", str(FONTS / "DejaVuSerif-Italic.ttf"))
        self.set_font(FAMILY, "", SIZE)

    @property
    def right(self) -> float:
        return self.w - self.r_margin

    def dots_to(self, end: float) -> None:
        """Write dots from here to ``end`` (at least a few), as on the paper form (one cell: no line breaking)."""
        self.set_font(FAMILY, "", SIZE)
        room = end - self.get_x() - 2 * self.c_margin
        count = max(int(room / self.get_string_width(".")) - 1, 3)
        if self.get_x() + count * self.get_string_width(".") > self.right:  # no room left on this line
            self.ln(LINE)
            count = max(int((end - self.l_margin) / self.get_string_width(".")) - 2, 3)
        self.cell(count * self.get_string_width(".") + 2 * self.c_margin, LINE, "." * count)

    def field(self, label: str, value: str, end: float | None = None) -> None:
        """Write "label: value" and dots up to ``end`` (the right margin by default), wrapping a long value."""
        self.set_font(FAMILY, "", SIZE)
        self.write(LINE, f"{label}: ")
        if value:
            self.set_font(FAMILY, "B", SIZE)
            self.write(LINE, value + " ")
        end = self.right if end is None else end
        if self.get_x() < end - self.get_string_width("...") or not value:
            self.dots_to(end)
