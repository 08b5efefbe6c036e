"""Reading Bot API call parameters the way Telegram does.

A call may carry parameters in the query string, a JSON body, a urlencoded form or a multipart form.
Form values are strings, so typed parameters are coerced: numbers from digits, booleans from
"true"/"false", and JSON-serialized parameters (``reply_markup``, ``media``, ``entities``...) decoded
whether they arrive as a JSON string (PTB's form data) or as an object (a JSON body).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from sandbox.errors import bad_request


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    file_name: str | None
    content_type: str | None
    data: bytes


class Params:
    """Parameters of one call, with Telegram's coercions."""

    def __init__(self, values: dict[str, Any], files: dict[str, UploadedFile] | None = None) -> None:
        self.values = values
        self.files = files or {}

    def has(self, name: str) -> bool:
        """Tell whether a parameter was given (as a value or a file)."""
        return self.values.get(name) not in (None, "") or name in self.files

    def raw(self, name: str) -> Any:
        return self.values.get(name)

    def str(self, name: str, *, required: bool = False, default: str | None = None) -> str | None:
        """Return a string parameter."""
        value = self.values.get(name)
        if value is None:
            if required:
                raise bad_request(f"{name} is empty")
            return default
        if isinstance(value, (dict, list)):
            raise bad_request(f"field \"{name}\" must be of type String")
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def int(self, name: str, *, required: bool = False, default: int | None = None) -> int | None:
        """Return an integer parameter."""
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return default
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad_request(f"invalid {name} specified") from None

    def float(self, name: str, *, default: float | None = None) -> float | None:
        """Return a number parameter."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def bool(self, name: str, *, default: bool = False) -> bool:
        """Return a boolean parameter ("true"/"false"/"1"/"0" in forms)."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            return bool(value)
        text = str(value).strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off"):
            return False
        raise bad_request(f"invalid {name} specified")

    def json(self, name: str, *, what: str | None = None) -> Any:
        """Return a JSON-serialized parameter, decoding it when it came as a string."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {what or name} JSON object") from None
        return value

    def chat_id(self, name: str = "chat_id") -> int | str:
        """Return a ``chat_id``: an integer, or an ``@username`` string."""
        value = self.values.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, bool):
            raise bad_request("chat not found")
        if isinstance(value, int):
            return value
        text = str(value).strip()
        try:
            return int(text)
        except ValueError:
            if text.startswith("@"):
                return text
            raise bad_request("chat not found") from None

    def file(self, name: str) -> UploadedFile | None:
        """Return the uploaded file for a parameter, following ``attach://`` references."""
        value = self.values.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            return self.files.get(value[len("attach://"):])
        return self.files.get(name)

    def attached(self, reference: str) -> UploadedFile | None:
        """Return the file an ``attach://name`` reference points to."""
        if not reference.startswith("attach://"):
            return None
        return self.files.get(reference[len("attach://"):])


async def read_params(request: web.Request) -> Params:
    """Collect parameters from the query string and the body, whatever its content type."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.can_read_body:
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON request body") from None
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON request body")
            values.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = UploadedFile(
                        field=key, file_name=value.filename, content_type=value.content_type,
                        data=value.file.read(),
                    )
                else:
                    values[key] = value
    return Params(values, files)
