"""Bot API errors as Telegram reports them: an error code, a description and optional parameters."""

from __future__ import annotations

import functools
import json
import math
from typing import Any

dumps = functools.partial(json.dumps, ensure_ascii=False)
"""JSON encoder for responses: UTF-8 text as Telegram sends it, not \\u escapes."""


class ApiError(Exception):
    """A failed Bot API call; ``code`` doubles as the HTTP status of the response."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> dict[str, Any]:
        """Render the error body exactly as the Bot API does."""
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(message: str) -> ApiError:
    """Build a 400 error whose description starts with "Bad Request: "."""
    return ApiError(400, f"Bad Request: {message}")


def forbidden(message: str) -> ApiError:
    """Build a 403 error whose description starts with "Forbidden: "."""
    return ApiError(403, f"Forbidden: {message}")


def conflict(message: str) -> ApiError:
    """Build a 409 error whose description starts with "Conflict: "."""
    return ApiError(409, f"Conflict: {message}")


def too_many_requests(retry_after: float) -> ApiError:
    """Build a 429 error carrying ``parameters.retry_after`` in whole seconds (at least 1)."""
    seconds = max(1, math.ceil(retry_after))
    return ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})


def unauthorized() -> ApiError:
    """Build the 401 error Telegram returns for a token it does not know."""
    return ApiError(401, "Unauthorized")


def not_found() -> ApiError:
    """Build the 404 error Telegram returns for an unknown method or a malformed URL."""
    return ApiError(404, "Not Found")


def chat_not_found() -> ApiError:
    """Build the error for a chat the bot cannot see."""
    return bad_request("chat not found")
