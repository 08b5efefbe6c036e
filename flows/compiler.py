"""Read procedure files, check them, and compile each into a ``transitions`` state machine.

Every mistake a flow file can hold is found here, at start-up, with the file and the step named:
unknown kinds, validators, steps or answers; message keys missing in a language; conditions on
answers that do not exist yet; steps no citizen can ever reach.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from transitions import Machine

from flows.definition import STEP_KINDS, Condition, Flow, Option, Step

FLOWS_DIR = Path(__file__).parent
ITEM_TRIGGER = "item"
NEXT_TRIGGER = "next"
MAX_BRANCH_COMBINATIONS = 20_000


class FlowError(Exception):
    """A procedure file is invalid; the message names the file and the step."""


@dataclass
class CompiledFlow:
    """A checked flow and its state machine (one machine serves every citizen on the flow)."""

    flow: Flow
    machine: Machine

    def next_step(self, current: str, answers: dict[str, Any]) -> str:
        """Return the step that follows ``current`` for these answers."""
        holder = _Position(current)
        self.machine.events[NEXT_TRIGGER].trigger(holder, answers)
        return holder.state

    def jump(self, current: str, target: str) -> str:
        """Move from ``current`` to ``target`` (back, edit from review) through the machine."""
        return self.fire(current, f"to_{target}")

    def fire(self, current: str, trigger: str) -> str:
        """Fire a trigger without arguments from ``current`` and return the new state."""
        holder = _Position(current)
        self.machine.events[trigger].trigger(holder)
        return holder.state


class _Position:
    """The minimal model ``transitions`` needs: a state attribute."""

    __slots__ = ("state",)

    def __init__(self, state: str) -> None:
        self.state = state


def load_flows(
    directory: Path,
    languages: dict[str, set[str]],
    validators: Iterable[str],
) -> dict[str, CompiledFlow]:
    """Compile every ``*.yaml`` procedure in a directory, keyed by flow id."""
    compiled: dict[str, CompiledFlow] = {}
    for path in sorted(directory.glob("*.yaml")):
        flow = compile_flow(path, languages, validators)
        if flow.flow.id in compiled:
            raise FlowError(f"{path}: flow id '{flow.flow.id}' is already used by {compiled[flow.flow.id].flow.path}")
        compiled[flow.flow.id] = flow
    return compiled


def compile_flow(path: Path, languages: dict[str, set[str]], validators: Iterable[str]) -> CompiledFlow:
    """Read, check and compile one procedure file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FlowError(f"{path}: cannot read the flow: {exc}") from exc
    flow = parse_flow(raw, str(path))
    problems = check_flow(flow, languages, set(validators))
    if problems:
        raise FlowError("\n".join(f"{path}: {problem}" for problem in problems))
    return CompiledFlow(flow=flow, machine=build_machine(flow))


def parse_flow(raw: Any, path: str) -> Flow:
    """Turn the YAML mapping into a Flow, refusing structural mistakes."""
    if not isinstance(raw, dict):
        raise FlowError(f"{path}: a flow file must be a mapping with id, version and steps")
    for key in ("id", "version", "messages", "steps"):
        if key not in raw:
            raise FlowError(f"{path}: missing '{key}'")
    prefix = str(raw["messages"])
    steps = tuple(_parse_step(item, prefix, path, parent="") for item in _as_list(raw["steps"], path, "steps"))
    processing = raw.get("processing") or {}
    return Flow(
        id=str(raw["id"]),
        version=int(raw["version"]),
        title=str(raw.get("title", f"{prefix}-title")),
        messages=prefix,
        consent_version=str(raw.get("consent_version", "1")),
        working_days=int(processing.get("working_days", 0)),
        cutoff=processing.get("cutoff"),
        fee=str(processing.get("fee", raw["id"])),
        steps=steps,
        late_fee=dict(processing.get("late_fee") or {}),
        path=path,
    )


def _as_list(value: Any, path: str, what: str) -> list:
    if not isinstance(value, list) or not value:
        raise FlowError(f"{path}: '{what}' must be a non-empty list")
    return value


def _key(prefix: str, step_id: str, suffix: str = "") -> str:
    return f"{prefix}-{step_id.replace('_', '-').replace('.', '-')}{suffix}"


def _parse_step(raw: Any, prefix: str, path: str, parent: str) -> Step:
    if not isinstance(raw, dict) or "id" not in raw or "kind" not in raw:
        raise FlowError(f"{path}: every step needs an 'id' and a 'kind' (got {raw!r})")
    step_id = str(raw["id"])
    where = f"step '{parent + '.' if parent else ''}{step_id}'"
    kind = str(raw["kind"])
    if kind not in STEP_KINDS:
        raise FlowError(f"{path}: {where}: unknown kind '{kind}' (expected one of {', '.join(STEP_KINDS)})")
    full_id = f"{parent}.{step_id}" if parent else step_id
    conditions = []
    for key, negate in (("when", False), ("unless", True)):
        if key in raw:
            conditions.append(_parse_condition(raw[key], negate, path, where))
    photos = raw.get("photos") or {}
    inner = ()
    if kind == "repeat":
        inner = tuple(_parse_step(item, prefix, path, parent=full_id) for item in _as_list(raw.get("steps"), path, f"{where} steps"))
    return Step(
        id=step_id,
        kind=kind,
        prompt=str(raw.get("prompt", _key(prefix, full_id))),
        label=str(raw.get("label", _key(prefix, full_id, "-label"))),
        conditions=tuple(conditions),
        validator=raw.get("validator"),
        options=dict(raw.get("options") or {}),
        choices=tuple(_parse_option(item, prefix, full_id, path, where) for item in raw.get("choices") or ()),
        suggest=tuple(str(item) for item in raw.get("suggest") or ()),
        optional=bool(raw.get("optional", False)),
        min_photos=int(photos.get("min", 1)),
        max_photos=int(photos.get("max", 1)),
        qr=photos.get("qr"),
        prefill={str(k): str(v) for k, v in (photos.get("prefill") or {}).items()},
        steps=inner,
        min_items=int(raw.get("min_items", 1)),
        max_items=int(raw.get("max_items", 10)),
        more_prompt=str(raw.get("more_prompt", _key(prefix, full_id, "-more"))),
    )


def _parse_option(raw: Any, prefix: str, step_id: str, path: str, where: str) -> Option:
    if isinstance(raw, bool):
        raw = _condition_value(raw)
    if isinstance(raw, str):
        return Option(value=raw, label=_key(prefix, step_id, f"-{raw}"))
    if isinstance(raw, dict) and "value" in raw:
        value = _condition_value(raw["value"])
        return Option(value=value, label=str(raw.get("label", _key(prefix, step_id, f"-{value}"))))
    raise FlowError(f"{path}: {where}: a choice is a value or a mapping with 'value' and 'label' (got {raw!r})")


def _parse_condition(raw: Any, negate: bool, path: str, where: str) -> Condition:
    if not isinstance(raw, dict) or not raw:
        raise FlowError(f"{path}: {where}: a condition maps answer ids to a value or a list of values")
    clauses = []
    for step, values in raw.items():
        values = values if isinstance(values, list) else [values]
        clauses.append((str(step), tuple(_condition_value(v) for v in values)))
    return Condition(clauses=tuple(clauses), negate=negate)


def _condition_value(value: Any) -> str:
    if isinstance(value, bool):  # YAML reads yes/no as booleans; flows store choice values as text
        return "yes" if value else "no"
    return str(value)


def check_flow(flow: Flow, languages: dict[str, set[str]], validators: set[str]) -> list[str]:
    """Return every problem found in a parsed flow (empty when it is sound)."""
    problems: list[str] = []
    seen: dict[str, Step] = {}
    kinds = [step.kind for step in flow.steps]
    if kinds.count("submit") != 1 or kinds[-1] != "submit":
        problems.append("the last step must be the only 'submit' step")
    if "review" not in kinds:
        problems.append("a flow needs a 'review' step before 'submit'")
    consent_at = kinds.index("consent") if "consent" in kinds else None
    for position, step in enumerate(flow.steps):
        where = f"step '{step.id}'"
        if step.id in seen:
            problems.append(f"{where}: the id is used twice")
        if step.kind in ("text", "photos", "repeat", "choice") and (consent_at is None or position < consent_at):
            problems.append(f"{where}: personal data is asked before the consent step")
        problems += _check_step(step, where, seen, validators)
        problems += _check_keys(_step_keys(step), where, languages)
        for inner in step.steps:
            inner_where = f"step '{step.id}.{inner.id}'"
            if inner.kind not in ("text", "choice"):
                problems.append(f"{inner_where}: a repeat group holds only text and choice steps")
            local = {**seen, **{i.id: i for i in step.steps}}
            problems += _check_step(inner, inner_where, local, validators)
            problems += _check_keys(_step_keys(inner), inner_where, languages)
        seen[step.id] = step
    problems += _check_keys([flow.title], "flow title", languages)
    if flow.late_fee and (flow.late_fee.get("answer") not in seen or not flow.late_fee.get("fee")):
        problems.append("processing.late_fee needs 'answer' (an earlier date step), 'days' and 'fee'")
    if not problems:
        problems += [f"step '{step}': no answers can ever reach it" for step in unreachable_steps(flow)]
    return problems


def _check_step(step: Step, where: str, earlier: dict[str, Step], validators: set[str]) -> list[str]:
    problems = []
    if step.kind == "text":
        if not step.validator:
            problems.append(f"{where}: a text step needs a 'validator'")
        elif step.validator not in validators:
            problems.append(f"{where}: unknown validator '{step.validator}' (known: {', '.join(sorted(validators))})")
    if step.kind == "choice" and not step.choices:
        problems.append(f"{where}: a choice step needs 'choices'")
    if step.kind == "photos":
        if step.min_photos < 0 or step.max_photos < max(step.min_photos, 1):
            problems.append(f"{where}: photos need 0 <= min <= max and max >= 1")
        if step.optional and step.min_photos:
            problems.append(f"{where}: an optional photo slot must have min 0")
        if not step.optional and step.min_photos < 1:
            problems.append(f"{where}: a required photo slot needs min >= 1 (or say optional: true)")
        for target in step.prefill.values():
            if target in earlier:
                problems.append(f"{where}: prefill target '{target}' is asked before the photo; put the photo first")
    for condition in step.conditions:
        for name, values in condition.clauses:
            source = earlier.get(name)
            if source is None:
                problems.append(f"{where}: the condition names '{name}', which is not an earlier answer")
            elif source.kind == "choice":
                allowed = {option.value for option in source.choices}
                for value in values:
                    if value not in allowed:
                        problems.append(f"{where}: the condition expects '{name}' = '{value}', which is not one of its choices ({', '.join(sorted(allowed))})")
    for option, target in step.options.items():
        if option.endswith("_from") and target not in earlier:
            problems.append(f"{where}: option '{option}' names '{target}', which is not an earlier answer")
    return problems


def _step_keys(step: Step) -> list[str]:
    keys = [step.label] if step.kind in ("text", "choice", "photos", "repeat") else []
    if step.kind not in ("review", "submit"):
        keys.append(step.prompt)
    keys += [option.label for option in step.choices]
    if step.kind == "repeat":
        keys.append(step.more_prompt)
    return keys


def _check_keys(keys: Iterable[str], where: str, languages: dict[str, set[str]]) -> list[str]:
    return [
        f"{where}: message '{key}' is missing in '{language}'"
        for key in keys
        for language, known in sorted(languages.items())
        if key not in known
    ]


def unreachable_steps(flow: Flow) -> list[str]:
    """Return the steps that no combination of branching answers ever asks."""
    branching = sorted({name for step in flow.steps for c in step.conditions for name in c.steps})
    domains = []
    for name in branching:
        step = flow.step(name)
        values = [option.value for option in step.choices] if step.kind == "choice" else ["<any>"]
        domains.append([(name, value) for value in values])
    reached: set[str] = set()
    for count, combination in enumerate(itertools.product(*domains)):
        if count >= MAX_BRANCH_COMBINATIONS:
            break
        chosen = dict(combination)
        answers: dict[str, Any] = {}
        for step in flow.steps:
            if step.applies(answers):
                reached.add(step.id)
                if step.id in chosen:
                    answers[step.id] = chosen[step.id]
    return [step.id for step in flow.steps if step.id not in reached]


def build_machine(flow: Flow) -> Machine:
    """Build the flow's machine: ``next`` follows the first applicable step, ``item`` enters a repeat group."""
    states = []
    transitions: list[dict[str, Any]] = []
    steps = flow.steps
    for position, step in enumerate(steps):
        states.append(step.id)
        for later in steps[position + 1:]:
            transition = {"trigger": NEXT_TRIGGER, "source": step.id, "dest": later.id}
            if later.conditions:
                transition["conditions"] = [later.applies]
            transitions.append(transition)
            if not later.conditions:
                break
        if step.kind == "repeat":
            inner = [f"{step.id}.{i.id}" for i in step.steps]
            states += inner
            transitions.append({"trigger": ITEM_TRIGGER, "source": step.id, "dest": inner[0]})
            for here, there in zip(inner, inner[1:] + [step.id]):
                transitions.append({"trigger": NEXT_TRIGGER, "source": here, "dest": there})
    return Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=steps[0].id,
        auto_transitions=True,
        send_event=False,
        ignore_invalid_triggers=False,
    )
