"""The bot's own web server: short-lived signed links to images in the blob store, and webhook routes.

Zalo sends photos by URL, so an image for a Zalo citizen (the receipt QR) is served from here under a link
that expires and carries an HMAC signature; anything unsigned, tampered with or expired gets 403.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from storage.blobs import BlobStore

NAME = re.compile(r"^([0-9a-f]{64})\.(png|jpg)$")
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


@dataclass
class MediaLinks:
    """Signs and checks links to blobs."""

    secret: bytes
    public_base_url: str
    ttl: int = 600

    def link(self, path: str, now: float | None = None) -> str:
        """Return a signed, expiring public link to a stored blob file."""
        name = Path(path).name
        expires = int((time.time() if now is None else now) + self.ttl)
        return f"{self.public_base_url.rstrip('/')}/media/{name}?exp={expires}&sig={self._signature(name, expires)}"

    def valid(self, name: str, expires: str, signature: str, now: float | None = None) -> bool:
        """Tell whether a link's signature is right and it has not expired."""
        if not expires.isdigit() or int(expires) < (time.time() if now is None else now):
            return False
        return hmac.compare_digest(self._signature(name, int(expires)), signature)

    def _signature(self, name: str, expires: int) -> str:
        return hmac.new(self.secret, f"{name}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]


def media_routes(links: MediaLinks, blobs: BlobStore) -> list[web.RouteDef]:
    """Return the route that serves signed blob links."""

    async def serve_media(request: web.Request) -> web.StreamResponse:
        """Serve a blob when its link is signed and fresh."""
        name = request.match_info["name"]
        found = NAME.match(name)
        if not found or not links.valid(name, request.query.get("exp", ""), request.query.get("sig", "")):
            raise web.HTTPForbidden(text="link invalid or expired")
        path = blobs.root / found.group(1)[:2] / name
        if not path.exists():
            raise web.HTTPNotFound()
        return web.Response(body=path.read_bytes(), content_type=CONTENT_TYPES[found.group(2)])

    return [web.get("/media/{name}", serve_media)]


async def start_web(host: str, port: int, routes: list[web.RouteDef]) -> web.AppRunner:
    """Start an aiohttp server with these routes; return its runner (to stop it)."""
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
