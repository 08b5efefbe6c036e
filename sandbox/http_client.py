"""What the sandbox's Python test clients share: one JSON-over-HTTP call that unwraps ``{ok, result}``."""

from __future__ import annotations

from typing import Any

import httpx


class ApiError(RuntimeError):
    """A client API refused a request."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(f"{status}: {description}")
        self.status = status
        self.description = description


def message_text(message: dict[str, Any]) -> str:
    """Return a message's text or caption ("" for none)."""
    return message.get("text") or message.get("caption") or ""


class JsonApiClient:
    """A connection to one client API under ``prefix``; ``async with`` closes it."""

    prefix = ""
    error: type[ApiError] = ApiError

    def __init__(self, base_url: str, *, bot: int | str | None = None, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.bot = bot
        self._http = httpx.AsyncClient(base_url=self.base_url, timeout=timeout)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the HTTP connection pool."""
        await self._http.aclose()

    async def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                   files: Any = None, data: Any = None, timeout: float | None = None) -> Any:
        """Make a client API request and return its ``result`` (raises this client's ``error``)."""
        kwargs: dict[str, Any] = {"params": {k: v for k, v in (params or {}).items() if v is not None}}
        if timeout is not None:
            kwargs["timeout"] = timeout
        if files is not None:
            kwargs.update(files=files, data=data)
        elif json is not None:
            kwargs["json"] = json
        response = await self._http.request(method, f"{self.prefix}{path}", **kwargs)
        try:
            body = response.json()
        except ValueError:
            raise self.error(response.status_code, response.text) from None
        if not body.get("ok"):
            raise self.error(response.status_code, body.get("description", response.text))
        return body["result"]
