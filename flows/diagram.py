"""Draw a compiled flow's state machine as a Mermaid state diagram (the same tables the engine walks)."""

from __future__ import annotations

from flows.compiler import ITEM_TRIGGER, CompiledFlow
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
    lines = ["stateDiagram-v2", f"    %% {flow.id} v{flow.version}", f"    [*] --> {_name(compiled.first)}"]
    for source, follows in compiled.follows.items():
        for dest, guard in follows:
            arrow = f"    {_name(source)} --> {_name(dest)}"
            label = _describe(guard.conditions) if guard is not None else ""
            lines.append(f"{arrow} : {label}" if label else arrow)
    for source, dest in compiled.items.items():
        lines.append(f"    {_name(source)} --> {_name(dest)} : {ITEM_TRIGGER}")
    lines.append(f"    {_name(flow.steps[-1].id)} --> [*]")
    return "\n".join(lines) + "\n"


def _name(state: str) -> str:
    return state.replace(".", "__")
