"""Flow files are checked at load time; every mistake names the file and the step."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.engine import KINDS
from flows.compiler import FlowError, compile_flow
from flows.validators import VALIDATORS
from locales.catalog import Catalog

ROOT = Path(__file__).parent.parent
HEAD = """
id: demo
version: 1
messages: demo
title: birth-title
steps:
  - {id: consent, kind: consent, prompt: consent-birth}
"""
TAIL = """
  - {id: review, kind: review}
  - {id: submit, kind: submit}
"""
KNOWN = {"birth-title", "consent-birth", "demo-a", "demo-a-label", "demo-a-x", "demo-a-y", "demo-b", "demo-b-label",
         "demo-b-p", "demo-b-q", "demo-c", "demo-c-label", "demo-name", "demo-name-label"}


def compile_text(tmp_path: Path, steps: str, languages: dict[str, set[str]] | None = None):
    path = tmp_path / "demo.yaml"
    path.write_text(HEAD + textwrap.indent(textwrap.dedent(steps), "  ") + TAIL, encoding="utf-8")
    return compile_flow(path, languages or {"vi": KNOWN, "en": KNOWN}, VALIDATORS, KINDS)


def refused(tmp_path: Path, steps: str, languages=None) -> str:
    with pytest.raises(FlowError) as error:
        compile_text(tmp_path, steps, languages)
    message = str(error.value)
    assert "demo.yaml" in message
    return message


def test_a_sound_flow_compiles(tmp_path):
    compiled = compile_text(tmp_path, """
      - {id: a, kind: choice, choices: [x, y]}
      - {id: name, kind: text, validator: person_name, when: {a: x}}
    """)
    assert compiled.next_step("a", {"a": "y"}) == "review"
    assert compiled.next_step("a", {"a": "x"}) == "name"


def test_unknown_kind(tmp_path):
    assert "step 'a': unknown kind 'question'" in refused(tmp_path, "  - {id: a, kind: question}\n")


def test_unknown_validator(tmp_path):
    message = refused(tmp_path, "  - {id: name, kind: text, validator: shoe_size}\n")
    assert "step 'name': unknown validator 'shoe_size'" in message


def test_message_missing_in_one_language(tmp_path):
    english = KNOWN - {"demo-name-label"}
    message = refused(tmp_path, "  - {id: name, kind: text, validator: person_name}\n", {"vi": KNOWN, "en": english})
    assert "step 'name': message 'demo-name-label' is missing in 'en'" in message


def test_condition_on_unknown_answer(tmp_path):
    message = refused(tmp_path, "  - {id: name, kind: text, validator: person_name, when: {fathr_known: yes}}\n")
    assert "step 'name': the condition names 'fathr_known', which is not an earlier answer" in message


def test_condition_on_a_value_the_choice_does_not_offer(tmp_path):
    message = refused(tmp_path, """
      - {id: a, kind: choice, choices: [x, y]}
      - {id: name, kind: text, validator: person_name, when: {a: z}}
    """)
    assert "expects 'a' = 'z', which is not one of its choices" in message


def test_unreachable_step(tmp_path):
    message = refused(tmp_path, """
      - {id: a, kind: choice, choices: [x, y]}
      - {id: b, kind: choice, choices: [p, q], when: {a: x}}
      - {id: c, kind: text, validator: person_name, when: {a: y, b: p}}
    """, {"vi": KNOWN, "en": KNOWN})
    assert "step 'c': no answers can ever reach it" in message


def test_personal_data_before_consent(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(textwrap.dedent("""
        id: demo
        version: 1
        messages: demo
        title: birth-title
        steps:
          - {id: name, kind: text, validator: person_name}
          - {id: consent, kind: consent, prompt: consent-birth}
          - {id: review, kind: review}
          - {id: submit, kind: submit}
    """), encoding="utf-8")
    with pytest.raises(FlowError, match="step 'name': personal data is asked before the consent step"):
        compile_flow(path, {"vi": KNOWN}, VALIDATORS, KINDS)


def test_duplicate_step_id(tmp_path):
    message = refused(tmp_path, """
      - {id: name, kind: text, validator: person_name}
      - {id: name, kind: text, validator: person_name}
    """)
    assert "step 'name': the id is used twice" in message


def test_the_real_flows_and_locales_are_sound():
    catalog = Catalog()
    assert catalog.problems() == []
    for path in (ROOT / "flows").glob("*.yaml"):
        compile_flow(path, catalog.keys(), VALIDATORS, KINDS)


def run_main(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=120,
    )


def test_check_passes_on_the_shipped_flows():
    result = run_main("check")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_check_fails_and_names_the_problem(tmp_path):
    broken = (ROOT / "flows" / "birth_registration.yaml").read_text(encoding="utf-8")
    broken = broken.replace("validator: phone", "validator: telephone")
    (tmp_path / "birth_registration.yaml").write_text(broken, encoding="utf-8")
    result = run_main("check", env={"FLOWS_DIR": str(tmp_path)})
    assert result.returncode == 1
    assert "birth_registration.yaml: step 'requester_phone': unknown validator 'telephone'" in result.stderr


def test_diagram_prints_mermaid_with_the_branches():
    result = run_main("diagram", "birth_registration")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("stateDiagram-v2")
    assert "father_known --> father_name : not (father_known = no)" in result.stdout
    assert "father_known --> mother_hometown : father_known = no" in result.stdout


def test_the_machine_walks_the_order_and_logs_nothing_at_info(tmp_path, caplog):
    caplog.set_level("INFO")
    compiled = compile_text(tmp_path, """
      - {id: a, kind: choice, choices: [x, y]}
      - {id: name, kind: text, validator: person_name, when: {a: x}}
    """)
    path, answers = compiled.walk({"a": "y", "name": "An"})
    assert path == ["consent", "a", "review", "submit"] and answers == {"a": "y"}
    assert compiled.walk({"a": "x", "name": "An"})[1] == {"a": "x", "name": "An"}

    class Model:
        """Something the machine moves, as transitions moves its models."""

    model = Model()
    compiled.machine.add_model(model, initial=compiled.first)
    model.trigger("next")  # transitions itself takes a step: it would log it at INFO
    assert model.state == "a"
    assert not [r for r in caplog.records if r.name.startswith("transitions") and r.levelname == "INFO"]


# -- defaults, warnings, answer-dependent processing times (birth registration to the law, issue 11) -----------


def test_unless_with_a_list_asks_only_when_none_holds(tmp_path):
    compiled = compile_text(tmp_path, """
      - {id: a, kind: choice, choices: [x, y]}
      - {id: b, kind: choice, choices: [p, q]}
      - {id: name, kind: text, validator: person_name, unless: [{a: x}, {b: p}]}
    """)
    assert compiled.next_step("b", {"a": "y", "b": "q"}) == "name"
    assert compiled.next_step("b", {"a": "x", "b": "q"}) == "review"
    assert compiled.next_step("b", {"a": "y", "b": "p"}) == "review"


def test_a_condition_on_a_typed_value_is_reachable(tmp_path):
    compiled = compile_text(tmp_path, """
      - {id: name, kind: text, validator: nationality}
      - {id: a, kind: choice, choices: [x, y], when: {name: Việt Nam}}
    """)
    assert compiled.next_step("name", {"name": "Việt Nam"}) == "a"
    assert compiled.next_step("name", {"name": "Pháp"}) == "review"


def test_a_default_must_come_from_an_earlier_answer(tmp_path):
    message = refused(tmp_path, """
      - {id: name, kind: text, validator: person_name, default: {from: c}}
      - {id: c, kind: text, validator: person_name}
    """)
    assert "step 'name': the default comes from 'c', which is not an earlier answer" in message


def test_a_default_applies_only_when_its_condition_holds_and_the_source_is_answered(tmp_path):
    compiled = compile_text(tmp_path, """
      - {id: a, kind: choice, choices: [x, y]}
      - {id: c, kind: text, validator: person_name}
      - {id: name, kind: text, validator: person_name, default: {from: c, when: {a: x}}}
    """)
    (default,) = compiled.flow.step("name").defaults
    assert default.applies({"a": "x", "c": "Lê Thị Hoa"})
    assert not default.applies({"a": "y", "c": "Lê Thị Hoa"})
    assert not default.applies({"a": "x"})


def flow_file(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "demo.yaml"
    steps = """
  - {id: a, kind: choice, choices: [x, y]}
  - {id: id, kind: text, validator: personal_id, prompt: demo-b, label: demo-b-label}
  - {id: other, kind: text, validator: personal_id, prompt: demo-c, label: demo-c-label}
"""
    path.write_text(HEAD.replace("steps:\n", extra + "steps:\n") + steps + TAIL, encoding="utf-8")
    return path


def test_processing_time_and_warnings_follow_the_answers(tmp_path):
    path = flow_file(tmp_path, """
processing:
  working_days: 0
  longer: [{when: {a: x}, working_days: 3, note: demo-b}]
warnings:
  - {when: {a: x}, sex_of: id, sex: male, message: demo-b}
  - {differ: [id, other], message: demo-c}
""")
    flow = compile_flow(path, {"vi": KNOWN, "en": KNOWN}, VALIDATORS, KINDS).flow
    assert flow.working_days_for({"a": "x"}) == 3 and flow.working_days_for({"a": "y"}) == 0
    assert [t.note for t in flow.timings({"a": "x"})] == ["demo-b"]
    male, female = "001093012345", "001195012345"  # 4th digit even: male
    assert [w.message for w in flow.raised({"a": "x", "id": male})] == ["demo-b"]
    assert flow.raised({"a": "y", "id": male}) == [] and flow.raised({"a": "x", "id": female}) == []
    assert [w.message for w in flow.raised({"a": "y", "id": female, "other": male})] == ["demo-c"]
    assert flow.raised({"a": "y", "id": female, "other": female}) == []


def test_a_warning_on_an_unknown_answer_or_message_is_refused(tmp_path):
    path = flow_file(tmp_path, """
warnings:
  - {differ: [id, nowhere], message: demo-missing}
""")
    with pytest.raises(FlowError) as error:
        compile_flow(path, {"vi": KNOWN, "en": KNOWN}, VALIDATORS, KINDS)
    assert "names 'nowhere', which is not an answer of the flow" in str(error.value)
    assert "message 'demo-missing' is missing" in str(error.value)


def test_late_registration_and_its_fee_key():
    from bot.engine import KINDS as kinds
    from flows.compiler import load_flows
    from locales.catalog import LOCALES_DIR

    flow = load_flows(ROOT / "flows", Catalog(LOCALES_DIR).keys(), VALIDATORS, kinds)["birth_registration"].flow
    from datetime import date

    assert flow.late_days({"child_dob": "01/01/2026"}, date(2026, 3, 2)) is None  # 60 days: on time
    assert flow.late_days({"child_dob": "01/01/2026"}, date(2026, 3, 3)) == 61
    assert flow.fee_key({"child_dob": "01/01/2026"}, date(2026, 3, 3)) == "birth_registration_late"
    assert flow.fee_key({"child_dob": "01/03/2026"}, date(2026, 3, 3)) == "birth_registration"


def compile_with_office(tmp_path: Path, office: str):
    path = tmp_path / "demo.yaml"
    steps = """
  - {id: a, kind: choice, choices: [x, y]}
  - {id: home, kind: place, prompt: demo-a, label: demo-a-label}
  - {id: work, kind: place, prompt: demo-b, label: demo-b-label, when: {a: x}}
  - id: group
    kind: repeat
    prompt: demo-c
    label: demo-c-label
    more_prompt: demo-name
    steps:
      - {id: where, kind: place, prompt: demo-a, label: demo-a-label}
"""
    path.write_text(HEAD + steps + TAIL + f"office: {office}\n", encoding="utf-8")
    known = KNOWN | {"place-street", "item-add"}
    return compile_flow(path, {"vi": known, "en": known}, VALIDATORS, KINDS)


def test_office_names_place_steps_in_order_of_preference(tmp_path):
    assert compile_with_office(tmp_path, "[work, home]").flow.office == ("work", "home")
    assert compile_text(tmp_path, "  - {id: a, kind: choice, choices: [x, y]}\n").flow.office == ()  # the default office


@pytest.mark.parametrize("office, problem", [
    ("[home, nowhere]", "office: names 'nowhere', which is not a step of the flow"),
    ("[a]", "office: names 'a', a 'choice' step; only place steps give a commune that decides the office"),
    ("[where]", "office: names 'where', which is not a step of the flow (outside a repeat group)"),
    ("[home, home]", "office: names 'home' twice"),
    ("[]", "'office' lists the ids of place steps"),
    ("{home: 1}", "'office' lists the ids of place steps"),
])
def test_office_refuses_what_cannot_decide_an_office(tmp_path, office, problem):
    with pytest.raises(FlowError) as error:
        compile_with_office(tmp_path, office)
    assert problem in str(error.value) and "demo.yaml" in str(error.value)
