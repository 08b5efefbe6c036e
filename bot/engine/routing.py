"""Routing by competence: which office receives a filing, decided by the answers the flow names.

A flow lists in ``office:`` the place steps whose commune decides the office, in order of preference (a birth:
the mother's residence, then the father's). The first of them answered whose commune an office of this
deployment serves wins. When some are answered and none is served, the filing cannot be received here: the
citizen is told where to file instead (the national portal, or that commune's centre). A flow without
``office:``, or answers that name no commune yet, go to the default office. Pure: the offices come in as a
lookup, so the engine (to tell the citizen) and the desk (to file) decide alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from bot.offices import Office
from flows.definition import Flow

OfficeFor = Callable[[str], "Office | None"]  # commune code (2025 units) -> the office serving it, or None


@dataclass(frozen=True)
class Place:
    """A commune an answer names, as a candidate to decide the office."""

    step: str  # the place step that holds it
    commune_code: str
    name: str  # "Xã Tân Phú, Đồng Nai", for messages


@dataclass(frozen=True)
class Route:
    """Where a filing goes, as far as its answers tell."""

    office: Office | None  # the receiving office (None: none here serves the communes, or no offices are known)
    by: Place | None = None  # the answer that decided it; None while nothing decides (the default office)
    outside: tuple[Place, ...] = ()  # the answered candidates no office of this deployment serves

    @property
    def refused(self) -> bool:
        """Tell whether the answers name communes and none is served here: the dossier cannot be filed here."""
        return self.office is None and bool(self.outside)


def place_of(step: str, value: Any) -> Place | None:
    """Return the commune a place answer names, or None (not answered, left to an officer, no commune)."""
    if not isinstance(value, dict) or not value.get("commune_code"):
        return None
    name = ", ".join(str(value[key]) for key in ("commune", "province") if value.get(key))
    return Place(step, str(value["commune_code"]), name or str(value["commune_code"]))


def route(flow: Flow, answers: dict[str, Any], office_for: OfficeFor | None, default: Office | None) -> Route:
    """Return the office that receives a filing with these answers (the answers of the steps that apply)."""
    if not flow.office or office_for is None:
        return Route(default)
    outside: list[Place] = []
    for step in flow.office:
        place = place_of(step, answers.get(step))
        if place is None:
            continue
        office = office_for(place.commune_code)
        if office is not None:
            return Route(office, place, tuple(outside))
        outside.append(place)
    return Route(None, None, tuple(outside)) if outside else Route(default)
