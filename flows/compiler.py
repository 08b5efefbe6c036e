"""Read procedure files, check them, and compile each into a ``transitions`` state machine.

Every mistake a flow file can hold is found here, at start-up, with the file and the step named:
unknown kinds, validators, steps or answers; message keys missing in a language; conditions on
answers that do not exist yet; steps no citizen can ever reach. What belongs to one kind of step
(its options, its checks, its messages) is asked of the kind, from the registry the caller passes in.

The compiled machine is the one source of the step order: the engine walks it for every input, the
reachability check walks it for every combination of branching answers, and the diagram draws it.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

import yaml
from transitions import Machine

from flows.definition import Alert, Condition, Default, Flow, Option, Step, Timing
from flows.kinds import Kinds, StepSource

ITEM_TRIGGER = "item"
NEXT_TRIGGER = "next"
MAX_BRANCH_COMBINATIONS = 20_000


class FlowError(Exception):
    """A procedure file is invalid; the message names the file and the step."""


@dataclass
class CompiledFlow:
    """A checked flow and its state machine (one machine serves every citizen on the flow).

    The machine's transitions are read once, at compile time, into tables: for every state, the ``next``
    transitions in order (each guarded by the step it leads to, or by nothing) and the ``item`` one.
    """

    flow: Flow
    machine: Machine
    follows: dict[str, tuple[tuple[str, Step | None], ...]] = field(init=False)
    items: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.follows = {
            source: tuple((t.dest, self.flow.index[t.dest] if t.conditions else None) for t in found if t.dest)
            for source, found in self.machine.events[NEXT_TRIGGER].transitions.items()
        }
        item = self.machine.events.get(ITEM_TRIGGER)
        self.items = {source: found[0].dest for source, found in item.transitions.items() if found[0].dest} if item else {}

    @property
    def first(self) -> str:
        if self.machine.initial is None:
            raise ValueError(f"flow {self.flow.id} was compiled without a first step")
        return self.machine.initial

    def walk(self, answers: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
        """Follow the machine from the first step for these answers; return the steps asked and their answers.

        A step is asked when its condition holds for the answers of the steps asked before it, so answers
        left on a branch the citizen no longer takes drop out.
        """
        path: list[str] = []
        found: dict[str, Any] = {}
        state: str | None = self.first
        while state is not None:
            path.append(state)
            if state in answers:
                found[state] = answers[state]
            state = self._follow(state, found)
        return path, found

    def answers(self, answers: dict[str, Any]) -> dict[str, Any]:
        """Return the answers of the steps that apply (stale branches drop out)."""
        return self.walk(answers)[1]

    def next_step(self, current: str, answers: dict[str, Any]) -> str:
        """Return the step that follows ``current`` for these answers."""
        found = self._follow(current, answers)
        if found is None:
            raise FlowError(f"{self.flow.path}: no step follows '{current}'")
        return found

    def jump(self, current: str, target: str) -> str:
        """Move from ``current`` to ``target`` (back, edit from review): any state of the machine."""
        if target not in self.machine.states:
            raise FlowError(f"{self.flow.path}: no step '{target}'")
        return target

    def enter_group(self, current: str) -> str:
        """Return the first step of the repeat group ``current`` opens."""
        return self.items[current]

    def _follow(self, state: str, answers: dict[str, Any]) -> str | None:
        for dest, guard in self.follows.get(state, ()):
            if guard is None or guard.applies(answers):
                return dest
        return None


def load_flows(
    directory: Path,
    languages: dict[str, set[str]],
    validators: Iterable[str],
    kinds: Kinds,
) -> dict[str, CompiledFlow]:
    """Compile every ``*.yaml`` procedure in a directory, keyed by flow id."""
    compiled: dict[str, CompiledFlow] = {}
    for path in sorted(directory.glob("*.yaml")):
        flow = compile_flow(path, languages, validators, kinds)
        if flow.flow.id in compiled:
            raise FlowError(f"{path}: flow id '{flow.flow.id}' is already used by {compiled[flow.flow.id].flow.path}")
        compiled[flow.flow.id] = flow
    return compiled


def compile_flow(path: Path, languages: dict[str, set[str]], validators: Iterable[str], kinds: Kinds) -> CompiledFlow:
    """Read, check and compile one procedure file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FlowError(f"{path}: cannot read the flow: {exc}") from exc
    flow = parse_flow(raw, str(path), kinds)
    problems = check_flow(flow, languages, set(validators), kinds)
    compiled = None
    if not problems:
        compiled = CompiledFlow(flow=flow, machine=build_machine(flow))
        problems = [f"step '{step}': no answers can ever reach it" for step in unreachable_steps(compiled, kinds)]
    if problems or compiled is None:
        raise FlowError("\n".join(f"{path}: {problem}" for problem in problems))
    return compiled


def parse_flow(raw: Any, path: str, kinds: Kinds) -> Flow:
    """Turn the YAML mapping into a Flow, refusing structural mistakes."""
    if not isinstance(raw, dict):
        raise FlowError(f"{path}: a flow file must be a mapping with id, version and steps")
    for key in ("id", "version", "messages", "steps"):
        if key not in raw:
            raise FlowError(f"{path}: missing '{key}'")
    prefix = str(raw["messages"])
    steps = _parse_sections(_as_list(raw["steps"], path, "steps"), prefix, path, kinds)
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
        longer=tuple(_parse_timing(item, path) for item in processing.get("longer") or ()),
        result=str(processing.get("result", "")),
        warnings=tuple(_parse_alert(item, path) for item in raw.get("warnings") or ()),
        office=_parse_office(raw.get("office"), path),
    )


def _parse_office(raw: Any, path: str) -> tuple[str, ...]:
    """Read ``office:``: the place steps whose commune decides the receiving office, in order of preference."""
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    if not items or not all(isinstance(item, str) and item for item in items):
        raise FlowError(f"{path}: 'office' lists the ids of place steps, in order of preference (got {raw!r})")
    return tuple(items)


def _conditions(raw: Any, path: str, where: str) -> tuple[Condition, ...]:
    """Read a mapping's ``when`` and ``unless`` (each a mapping, or a list of mappings that must all hold)."""
    conditions = []
    for key, negate in (("when", False), ("unless", True)):
        if key in raw:
            items = raw[key] if isinstance(raw[key], list) else [raw[key]]
            conditions += [_parse_condition(item, negate, path, where) for item in items]
    return tuple(conditions)


def _parse_timing(raw: Any, path: str) -> Timing:
    if not isinstance(raw, dict) or "working_days" not in raw:
        raise FlowError(f"{path}: processing.longer: each entry needs 'working_days' (and 'when', 'note'); got {raw!r}")
    return Timing(int(raw["working_days"]), _conditions(raw, path, "processing.longer"), str(raw.get("note", "")))


def _parse_alert(raw: Any, path: str) -> Alert:
    if not isinstance(raw, dict) or "message" not in raw or ("sex_of" in raw) == ("differ" in raw):
        raise FlowError(f"{path}: warnings: each needs 'message' (and 'card') and one of 'sex_of' (with 'sex') or 'differ'; got {raw!r}")
    return Alert(
        message=str(raw["message"]), card=str(raw.get("card", raw["message"])), conditions=_conditions(raw, path, "warnings"), sex_of=str(raw.get("sex_of", "")),
        sex=str(raw.get("sex", "")), differ=tuple(str(name) for name in raw.get("differ") or ()),
    )


def _parse_defaults(raw: Any, path: str, where: str) -> tuple[Default, ...]:
    items = raw if isinstance(raw, list) else [raw]
    found = []
    for item in items:
        if not isinstance(item, dict) or "from" not in item:
            raise FlowError(f"{path}: {where}: a default needs 'from' (an earlier answer), and may have 'when', 'unless', 'note'")
        found.append(Default(str(item["from"]), _conditions(item, path, where), str(item.get("note", ""))))
    return tuple(found)


def _as_list(value: Any, path: str, what: str) -> list:
    if not isinstance(value, list) or not value:
        raise FlowError(f"{path}: '{what}' must be a non-empty list")
    return value


def _parse_sections(items: list, prefix: str, path: str, kinds: Kinds) -> tuple[Step, ...]:
    """Parse the top-level steps; a ``- section: <name>`` marker puts the steps after it in that section."""
    steps, section = [], ""
    for item in items:
        if isinstance(item, dict) and set(item) == {"section"}:
            section = str(item["section"])
            continue
        steps.append(replace(_parse_step(item, prefix, path, "", kinds), section=section))
    return tuple(steps)


def _parse_step(raw: Any, prefix: str, path: str, parent: str, kinds: Kinds) -> Step:
    if not isinstance(raw, dict) or "id" not in raw or "kind" not in raw:
        raise FlowError(f"{path}: every step needs an 'id' and a 'kind' (got {raw!r})")
    step_id = str(raw["id"])
    where = f"step '{parent + '.' if parent else ''}{step_id}'"
    kind = str(raw["kind"])
    if kind not in kinds:
        raise FlowError(f"{path}: {where}: unknown kind '{kind}' (expected one of {', '.join(kinds)})")
    full_id = f"{parent}.{step_id}" if parent else step_id
    conditions = _conditions(raw, path, where)

    def parse_steps(items: Any, what: str) -> tuple[Step, ...]:
        return tuple(_parse_step(item, prefix, path, full_id, kinds) for item in _as_list(items, path, f"{where} {what}"))

    source = StepSource(raw=raw, prefix=prefix, full_id=full_id, path=path, where=where, parse_steps=parse_steps)
    return Step(
        id=step_id,
        kind=kind,
        prompt=str(raw.get("prompt", source.key())),
        label=str(raw.get("label", source.key("-label"))),
        conditions=conditions,
        defaults=_parse_defaults(raw["default"], path, where) if "default" in raw else (),
        **kinds[kind].parse(source),
    )


def parse_option(raw: Any, source: StepSource) -> Option:
    """Read one answer of a choice: a bare value, or a mapping with 'value' (and 'label')."""
    if isinstance(raw, bool):
        raw = condition_value(raw)
    if isinstance(raw, str):
        return Option(value=raw, label=source.key(f"-{raw}"))
    if isinstance(raw, dict) and "value" in raw:
        value = condition_value(raw["value"])
        return Option(value=value, label=str(raw.get("label", source.key(f"-{value}"))))
    raise FlowError(f"{source.path}: {source.where}: a choice is a value or a mapping with 'value' and 'label' (got {raw!r})")


def _parse_condition(raw: Any, negate: bool, path: str, where: str) -> Condition:
    if not isinstance(raw, dict) or not raw:
        raise FlowError(f"{path}: {where}: a condition maps answer ids to a value or a list of values")
    clauses = []
    for step, values in raw.items():
        values = values if isinstance(values, list) else [values]
        clauses.append((str(step), tuple(condition_value(v) for v in values)))
    return Condition(clauses=tuple(clauses), negate=negate)


def condition_value(value: Any) -> str:
    """Return a YAML value as the text answers are stored as."""
    if isinstance(value, bool):  # YAML reads yes/no as booleans; flows store choice values as text
        return "yes" if value else "no"
    return str(value)


def check_flow(flow: Flow, languages: dict[str, set[str]], validators: set[str], kinds: Kinds) -> list[str]:
    """Return every problem found in a parsed flow (empty when it is sound); reachability is checked later."""
    problems: list[str] = []
    seen: dict[str, Step] = {}
    used = [step.kind for step in flow.steps]
    for name, rules in kinds.items():
        count = used.count(name)
        if rules.last and (count != 1 or used[-1] != name):
            problems.append(f"the last step must be the only '{name}' step")
        elif rules.required and count != 1:
            problems.append(f"a flow needs one '{name}' step")
    consented = False
    for step in flow.steps:
        where = f"step '{step.id}'"
        rules = kinds[step.kind]
        if step.id in seen:
            problems.append(f"{where}: the id is used twice")
        if rules.answers and not consented:
            problems.append(f"{where}: personal data is asked before the consent step")
        consented = consented or rules.grants_consent
        problems += _check_step(step, where, seen, validators, kinds)
        problems += _check_keys(rules.keys(step) + [d.note for d in step.defaults if d.note], where, languages)
        if step.section:
            problems += _check_keys([f"section-{step.section}"], where, languages)
        for inner in step.steps:
            inner_where = f"step '{step.id}.{inner.id}'"
            if not kinds[inner.kind].in_group:
                problems.append(f"{inner_where}: a repeat group holds only {' and '.join(n for n, k in kinds.items() if k.in_group)} steps")
            local = {**seen, **{i.id: i for i in step.steps}}
            problems += _check_step(inner, inner_where, local, validators, kinds)
            problems += _check_keys(kinds[inner.kind].keys(inner), inner_where, languages)
        seen[step.id] = step
    problems += _check_keys([flow.title], "flow title", languages)
    if flow.late_fee and (flow.late_fee.get("answer") not in seen or not flow.late_fee.get("fee")):
        problems.append("processing.late_fee needs 'answer' (an earlier date step), 'days' and 'fee'")
    problems += _check_keys([flow.result] if flow.result else [], "processing.result", languages)
    for timing in flow.longer:
        problems += _check_names(_condition_names(timing.conditions), seen, "processing.longer")
        problems += _check_keys([timing.note] if timing.note else [], "processing.longer", languages)
    for alert in flow.warnings:
        problems += _check_names(alert.steps, seen, f"warning '{alert.message}'")
        problems += _check_keys([alert.message, alert.card], "warnings", languages)
    problems += _check_office(flow, seen, kinds)
    return problems


def _check_office(flow: Flow, steps: dict[str, Step], kinds: Kinds) -> list[str]:
    """Return what is wrong with ``office:``: each entry must name a place step of the flow, once."""
    problems = []
    for position, name in enumerate(flow.office):
        step = steps.get(name)
        if step is None:
            problems.append(f"office: names '{name}', which is not a step of the flow (outside a repeat group)")
        elif not getattr(kinds[step.kind], "holds_place", False):
            problems.append(f"office: names '{name}', a '{step.kind}' step; only place steps give a commune that decides the office")
        elif name in flow.office[:position]:
            problems.append(f"office: names '{name}' twice")
    return problems


def _condition_names(conditions: Iterable[Condition]) -> list[str]:
    return [name for condition in conditions for name in condition.steps]


def _check_names(names: Iterable[str], known: dict[str, Step], where: str) -> list[str]:
    return [f"{where}: names '{name}', which is not an answer of the flow" for name in names if name not in known]


def _check_step(step: Step, where: str, earlier: dict[str, Step], validators: set[str], kinds: Kinds) -> list[str]:
    problems = kinds[step.kind].check(step, where, earlier, validators)
    for condition in step.conditions:
        for name, values in condition.clauses:
            source = earlier.get(name)
            allowed = kinds[source.kind].values(source) if source is not None else None
            if source is None:
                problems.append(f"{where}: the condition names '{name}', which is not an earlier answer")
            elif allowed is not None:
                for value in values:
                    if value not in allowed:
                        problems.append(f"{where}: the condition expects '{name}' = '{value}', which is not one of its choices ({', '.join(sorted(allowed))})")
    for default in step.defaults:
        if default.source not in earlier:
            problems.append(f"{where}: the default comes from '{default.source}', which is not an earlier answer")
        for name in _condition_names(default.conditions):
            if name not in earlier:
                problems.append(f"{where}: the default's condition names '{name}', which is not an earlier answer")
    for option, target in step.options.items():
        if option.endswith("_from") and target not in earlier:
            problems.append(f"{where}: option '{option}' names '{target}', which is not an earlier answer")
    return problems


def _check_keys(keys: Iterable[str], where: str, languages: dict[str, set[str]]) -> list[str]:
    return [
        f"{where}: message '{key}' is missing in '{language}'"
        for key in keys
        for language, known in sorted(languages.items())
        if key not in known
    ]


def unreachable_steps(compiled: CompiledFlow, kinds: Kinds) -> list[str]:
    """Return the steps that no combination of branching answers ever reaches through the machine."""
    flow = compiled.flow
    branching = sorted({name for step in flow.steps for c in step.conditions for name in c.steps})
    named: dict[str, set[str]] = {}  # for free answers: the values conditions test, and any other
    for step in flow.steps:
        for condition in step.conditions:
            for name, values in condition.clauses:
                named.setdefault(name, set()).update(values)
    domains = []
    for name in branching:
        step = flow.step(name)
        values = kinds[step.kind].values(step) or ("<any>", *sorted(named.get(name, ())))
        domains.append([(name, value) for value in values])
    reached: set[str] = set()
    for count, combination in enumerate(itertools.product(*domains)):
        if count >= MAX_BRANCH_COMBINATIONS:
            break
        reached.update(compiled.walk(dict(combination))[0])
    return [step.id for step in flow.steps if step.id not in reached]


def build_machine(flow: Flow) -> Machine:
    """Build the flow's machine: ``next`` follows the first applicable step, ``item`` enters a repeat group."""
    logging.getLogger("transitions").setLevel(logging.WARNING)  # it logs every transition at INFO
    states = []
    transitions: list[dict[str, Any]] = []
    steps = flow.steps
    for position, step in enumerate(steps):
        states.append(step.id)
        for later in steps[position + 1:]:
            transition: dict[str, Any] = {"trigger": NEXT_TRIGGER, "source": step.id, "dest": later.id}
            if later.conditions:
                transition["conditions"] = [later.applies]
            transitions.append(transition)
            if not later.conditions:
                break
        if step.steps:
            inner = [f"{step.id}.{i.id}" for i in step.steps]
            states += inner
            transitions.append({"trigger": ITEM_TRIGGER, "source": step.id, "dest": inner[0]})
            for here, there in zip(inner, inner[1:] + [step.id], strict=True):
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
