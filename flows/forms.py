"""Declaration forms as data: how a procedure's paper form (tờ khai, giấy đề nghị) is laid out and filled.

Each procedure with a paper declaration has a layout file ``flows/forms/<flow id>.yaml``: its title, whether it is
addressed to the office ("Kính gửi: <office name>"), its lines in order, the requester's commitment and the
signature block. A line is a field (a label and the answer(s) that fill it), a row of fields side by side, a
sentence of the form, or a repeated group (household members) with fields of each item. A field names an answer
by its step id, or several (the first one answered fills it: an ID number or a passport number); ``choices``
words a choice answer as the form does, independent of the language the citizen used; ``format`` wraps the value
("{} bản"); ``as: words`` writes a date in words ("ghi bằng chữ"), ``as: upper`` in capitals. A field whose answer
is missing (a parent unknown) is left as dots, as on paper.

Nothing here draws: ``bot/declaration.py`` renders a form into a PDF. ``problems`` lists what ``main.py check``
refuses (an answer the flow does not have, a choice it does not offer). A procedure without a layout file has no
declaration PDF. Imports nothing from bot/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from flows.definition import Flow

FORMS_DIR = Path(__file__).parent / "forms"
TRANSFORMS = ("words", "upper")


@dataclass(frozen=True)
class Field:
    """A label and the answer that fills it."""

    label: str
    refs: tuple[str, ...] = ()  # step ids (or a repeat's inner ids); the first answered one fills the field
    choices: dict[str, str] | None = None  # choice value -> the form's word for it
    format: str = "{}"
    transform: str | None = None  # "words" (a date in words) or "upper"


@dataclass(frozen=True)
class Row:
    """Fields printed side by side on one line."""

    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the form itself (a heading, "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:")."""

    text: str
    bold: bool = False
    when: str | None = None  # printed only when this answer is given (a repeat with items)


@dataclass(frozen=True)
class Repeated:
    """A repeat step's items, each under a numbered heading, with fields of the item's answers."""

    ref: str
    heading: str  # "{n}." is the item's number
    lines: tuple[Field | Row, ...]


Line = Field | Row | Sentence | Repeated


@dataclass(frozen=True)
class Signature:
    """Who signs: the role ("Người yêu cầu"), how ("(Ký, ghi rõ họ, chữ đệm, tên)") and the name answer."""

    title: str
    note: str
    name: str | None = None  # step id of the signer's name, printed under the space for the signature


@dataclass(frozen=True)
class Form:
    """A procedure's declaration form."""

    flow_id: str
    title: str
    file_name: str  # "to-khai": the PDF is called to-khai-<receipt code>.pdf
    lines: tuple[Line, ...]
    commitment: str
    signature: Signature
    reference: str = ""  # the legal form it follows, printed small at the top ("Mẫu ... Thông tư 04/2020/TT-BTP")
    addressed: bool = True  # "Kính gửi: <office name>" under the title
    after: tuple[Line, ...] = ()  # lines printed after the signature (the copies wanted)


class FormError(ValueError):
    """A layout file that cannot be read as a form."""


def _field(raw: Any, where: str) -> Field:
    if not isinstance(raw, dict) or "label" not in raw:
        raise FormError(f"{where}: a field needs a label")
    value = raw.get("value", ())
    refs = (value,) if isinstance(value, str) else tuple(str(v) for v in value or ())
    choices = raw.get("choices")
    transform = raw.get("as")
    if transform is not None and transform not in TRANSFORMS:
        raise FormError(f"{where}: unknown 'as: {transform}' (one of {', '.join(TRANSFORMS)})")
    return Field(str(raw["label"]), refs, {str(k): str(v) for k, v in choices.items()} if choices else None,
                 str(raw.get("format", "{}")), transform)


def _line(raw: Any, where: str) -> Line:
    if isinstance(raw, dict) and "row" in raw:
        return Row(tuple(_field(f, f"{where} row") for f in raw["row"]))
    if isinstance(raw, dict) and "text" in raw:
        return Sentence(str(raw["text"]), bool(raw.get("bold", False)), raw.get("when"))
    if isinstance(raw, dict) and "repeat" in raw:
        lines = tuple(_line(item, f"{where} repeat") for item in raw.get("lines", ()))
        if any(not isinstance(line, (Field, Row)) for line in lines):
            raise FormError(f"{where}: a repeat holds fields and rows only")
        return Repeated(str(raw["repeat"]), str(raw.get("heading", "{n}.")), lines)  # type: ignore[arg-type]
    return _field(raw, where)


def parse(raw: dict[str, Any], where: str = "form") -> Form:
    """Return the form a layout file describes."""
    try:
        signature = raw["signature"]
        return Form(
            flow_id=str(raw["flow"]),
            title=str(raw["title"]),
            file_name=str(raw.get("file_name", "to-khai")),
            lines=tuple(_line(line, f"{where} line {n}") for n, line in enumerate(raw["lines"], 1)),
            commitment=" ".join(str(raw["commitment"]).split()),
            signature=Signature(str(signature["title"]), str(signature.get("note", "")), signature.get("name")),
            reference=str(raw.get("reference", "")),
            addressed=bool(raw.get("addressed", True)),
            after=tuple(_line(line, f"{where} after {n}") for n, line in enumerate(raw.get("after", ()), 1)),
        )
    except (KeyError, TypeError) as exc:
        raise FormError(f"{where}: missing or malformed {exc}") from None


def load_forms(directory: Path = FORMS_DIR) -> dict[str, Form]:
    """Read every layout file of a directory, by flow id."""
    forms: dict[str, Form] = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        form = parse(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
        forms[form.flow_id] = form
    return forms


def fields_of(lines: tuple[Line, ...]) -> list[Field]:
    """Return every field of some lines (rows opened; a repeat's fields are its items', not listed)."""
    found: list[Field] = []
    for line in lines:
        if isinstance(line, Field):
            found.append(line)
        elif isinstance(line, Row):
            found += line.fields
    return found


def problems(forms: dict[str, Form], flows: dict[str, Flow]) -> list[str]:
    """Return what is wrong with the forms against their flows: unknown flows, answers or choice values."""
    found = []
    for flow_id, form in forms.items():
        flow = flows.get(flow_id)
        if flow is None:
            found.append(f"form {flow_id}: no flow {flow_id!r}")
            continue
        groups: list[tuple[str, tuple, Any]] = [("", form.lines + form.after, None)]
        groups += [(f" repeat {line.ref}", line.lines, line.ref) for line in form.lines if isinstance(line, Repeated)]
        for line in form.lines:
            if isinstance(line, Repeated) and line.ref not in flow.index:
                found.append(f"form {flow_id}: repeat of unknown answer {line.ref!r}")
            if isinstance(line, Sentence) and line.when and line.when not in flow.index:
                found.append(f"form {flow_id}: sentence shown for unknown answer {line.when!r}")
        if form.signature.name and form.signature.name not in flow.index:
            found.append(f"form {flow_id}: signature names unknown answer {form.signature.name!r}")
        for where, lines, repeat in groups:
            inner = {s.id: s for s in flow.step(repeat).steps} if repeat in flow.index else {}
            steps = inner if repeat else {s.id: s for s in flow.steps}
            for field in fields_of(lines):
                for ref in field.refs:
                    step = steps.get(ref)
                    if step is None:
                        found.append(f"form {flow_id}{where}: field {field.label!r} names unknown answer {ref!r}")
                    elif field.choices:
                        offered = {c.value for c in step.choices}
                        extra = sorted(set(field.choices) - offered)
                        if extra:
                            found.append(f"form {flow_id}{where}: field {field.label!r} words choices {extra} that {ref!r} does not offer")
    return found
