"""Draw a compiled flow's state machine as a Mermaid state diagram."""

from __future__ import annotations

from flows.compiler import ITEM_TRIGGER, NEXT_TRIGGER, CompiledFlow
from flows.definition import Condition


def _describe(conditions: tuple[Condition, ...]) -> str:
    parts = []
    for condition in conditions:
        clause = " & ".join(f"{name} = {'/'.join(values)}" for name, values in condition.clauses)
        parts.append(f"not ({clause})" if condition.negate else clause)
    return " & ".join(parts)


def mermaid(compiled: CompiledFlow) -> str:
    """Return the flow's machine as Mermaid ``stateDiagram-v2`` text."""
    flow = compiled.flow
    lines = ["stateDiagram-v2", f"    %% {flow.id} v{flow.version}", f"    [*] --> {_name(flow.steps[0].id)}"]
    for trigger in (NEXT_TRIGGER, ITEM_TRIGGER):
        event = compiled.machine.events.get(trigger)
        if event is None:
            continue
        for source, transitions in event.transitions.items():
            for transition in transitions:
                step = flow.index.get(transition.dest)
                if trigger == ITEM_TRIGGER:
                    label = trigger
                else:
                    label = _describe(step.conditions) if step is not None and transition.conditions else ""
                arrow = f"    {_name(source)} --> {_name(transition.dest)}"
                lines.append(f"{arrow} : {label}" if label else arrow)
    lines.append(f"    {_name(flow.steps[-1].id)} --> [*]")
    return "\n".join(lines) + "\n"


def _name(state: str) -> str:
    return state.replace(".", "__")
