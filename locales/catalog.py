"""Message catalogs: Fluent (.ftl) files per language, rendered at the edge in the citizen's language.

``locales/<lang>/*.ftl`` are loaded into one bundle per language. Vietnamese is the default and the
fallback. Parameters may be ``Text`` values (rendered first) or lists of them (joined by new lines).
``defaults`` holds parameters any message may use without being given them: ``$office``, the name of the
receiving office's public service centre (set once at start-up; the cache assumes it does not change).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from locales.text import Text

LOCALES_DIR = Path(__file__).parent
DEFAULT_LANGUAGE = "vi"
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class LocaleError(Exception):
    """A locale file is invalid or two languages disagree."""


@dataclass(frozen=True)
class Message:
    """A message's placeables, to compare the same key across languages."""

    key: str
    variables: frozenset[str]


class Catalog:
    """All messages of all languages; renders ``Text`` values."""

    def __init__(self, *directories: Path) -> None:
        self.defaults: dict[str, Any] = {"office": Text("office-generic")}  # parameters any message may use unless given
        self.bundles: dict[str, FluentBundle] = {}
        self.messages: dict[str, dict[str, Message]] = {}
        for directory in directories or (LOCALES_DIR,):
            for folder in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith("_")):
                bundle = self.bundles.setdefault(folder.name, FluentBundle([folder.name], use_isolating=False))
                messages = self.messages.setdefault(folder.name, {})
                for path in sorted(folder.glob("*.ftl")):
                    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
                    parsed = _messages(path, resource)
                    for key in parsed.keys() & messages.keys():
                        raise LocaleError(f"{path}: message '{key}' is already defined in another file")
                    messages.update(parsed)
                    bundle.add_resource(resource)
        if DEFAULT_LANGUAGE not in self.bundles:
            raise LocaleError(f"no '{DEFAULT_LANGUAGE}' locale folder in {', '.join(map(str, directories))}")
        self._cache: dict[tuple[str, str], str] = {}

    def set_default(self, name: str, value: Any) -> None:
        """Give every message a parameter it may use without being given it (e.g. ``office``)."""
        self.defaults[name] = value
        self._cache.clear()

    @property
    def languages(self) -> list[str]:
        return list(self.bundles)

    def keys(self) -> dict[str, set[str]]:
        """Return the message keys known in each language."""
        return {language: set(messages) for language, messages in self.messages.items()}

    def render(self, language: str, text: Text | str) -> str:
        """Render a Text (or pass a plain string through) in a language, falling back to Vietnamese."""
        if isinstance(text, str):
            return text
        if not text.params:
            cached = self._cache.get((language, text.key))
            if cached is not None:
                return cached
        bundle = self.bundles.get(language) or self.bundles[DEFAULT_LANGUAGE]
        if not bundle.has_message(text.key):
            bundle = self.bundles[DEFAULT_LANGUAGE]
        if not bundle.has_message(text.key):
            return text.key
        given = {name: value for name, value in self.defaults.items() if name not in text.params and text.key != getattr(value, "key", None)}
        params = {name: self._param(language, value) for name, value in {**given, **text.params}.items()}
        pattern = bundle.get_message(text.key).value
        rendered, _errors = bundle.format_pattern(pattern, params)
        if not text.params:
            self._cache[(language, text.key)] = rendered
        return rendered

    def _param(self, language: str, value: Any) -> Any:
        if isinstance(value, Text):
            return self.render(language, value)
        if isinstance(value, (list, tuple)):
            return "\n".join(str(self._param(language, item)) for item in value)
        if value is None:
            return ""
        return value

    def problems(self) -> list[str]:
        """Return every key missing in a language, or used with other parameters, compared to Vietnamese."""
        found = []
        reference = self.messages[DEFAULT_LANGUAGE]
        for language, messages in self.messages.items():
            for key, message in reference.items():
                other = messages.get(key)
                if other is None:
                    found.append(f"locales/{language}: message '{key}' is missing (it exists in '{DEFAULT_LANGUAGE}')")
                elif other.variables != message.variables:
                    found.append(
                        f"locales/{language}: message '{key}' uses {sorted(other.variables)} but "
                        f"'{DEFAULT_LANGUAGE}' uses {sorted(message.variables)}"
                    )
            for key in messages.keys() - reference.keys():
                found.append(f"locales/{language}: message '{key}' does not exist in '{DEFAULT_LANGUAGE}'")
        return found


def _messages(path: Path, resource: ast.Resource) -> dict[str, Message]:
    messages = {}
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            raise LocaleError(f"{path}: cannot parse: {entry.content.strip()[:80]!r}")
        if isinstance(entry, ast.Message):
            if entry.id.name in messages:
                raise LocaleError(f"{path}: message '{entry.id.name}' is defined twice")
            messages[entry.id.name] = Message(entry.id.name, frozenset(_variables(entry)))
    return messages


def _variables(node: Any) -> set[str]:
    found: set[str] = set()

    class Variables(Visitor):
        def visit_VariableReference(self, reference):  # noqa: N802 - Fluent's visitor naming
            found.add(reference.id.name)

    Variables().visit(node)
    return found
