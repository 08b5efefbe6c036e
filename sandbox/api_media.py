"""Bot API methods about files: sendPhoto, sendMediaGroup (photos), sendDocument, getFile and file downloads."""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import quote

from aiohttp import web

from sandbox import markup
from sandbox.api_common import Handler, caption_of, reply_parameters
from sandbox.errors import ApiError, bad_request, dumps
from sandbox.files import WRONG_FILE, document_json
from sandbox.models import BotAccount
from sandbox.params import Params, UploadedFile
from sandbox.state import World

PHOTO_LIMIT = 10 * 1024 * 1024
DOCUMENT_LIMIT = 50 * 1024 * 1024  # what a bot may upload as a document
DOWNLOAD_LIMIT = 20 * 1024 * 1024


class MediaMethods:
    """sendPhoto, sendMediaGroup (photos), sendDocument, getFile."""

    def __init__(self, world: World) -> None:
        self.world = world

    def methods(self) -> dict[str, Handler]:
        return {
            "sendPhoto": self.send_photo,
            "sendMediaGroup": self.send_media_group,
            "sendDocument": self.send_document,
            "getFile": self.get_file,
        }

    # ------------------------------------------------------------------------------ content

    def _photo(self, upload: UploadedFile | None, reference: Any) -> list[dict[str, Any]]:
        if upload is not None:
            if len(upload.data) > PHOTO_LIMIT:
                raise bad_request("PHOTO_SAVE_FILE_INVALID")
            return self.world.files.photo(upload.data)
        if isinstance(reference, str) and reference.strip():
            return self.world.files.photo_by_id(self._file_id(reference))
        raise bad_request("there is no photo in the request")

    @staticmethod
    def _file_id(reference: str) -> str:
        reference = reference.strip()
        if reference.startswith(("http://", "https://", "attach://")):
            raise bad_request(WRONG_FILE)
        return reference

    async def send_photo(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Send a photo (a new upload or an existing photo's file_id) with an optional caption."""
        return self._send_one(bot, p, "photo", lambda: self._photo(p.file("photo"), p.raw("photo")))

    def _send_one(self, bot: BotAccount, p: Params, kind: str, media: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """Send one message of this kind ("photo", "document"): ``media`` checks and stores its file once the chat
        and the reply are known to be valid, as the Bot API checks them."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        caption = caption_of(p.str("caption"), p)
        reply_markup = markup.normalize(p.json("reply_markup", what="reply keyboard markup"))
        reply_to = world.reply_target(key, reply_parameters(p))
        content = {kind: media(), **caption}
        world.spend(bot, key)
        message = world.bot_send(bot, key, content, reply_to=reply_to, reply_markup=reply_markup)
        return world.render(message)

    async def send_media_group(self, bot: BotAccount, p: Params) -> list[dict[str, Any]]:
        """Send 2-10 photos as one album sharing a media_group_id."""
        world = self.world
        key = world.bot_chat(bot, p.chat_id(), sending=True)
        items = p.json("media", what="media")
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise bad_request("can't parse media JSON object")
        if not 2 <= len(items) <= 10:
            raise bad_request("wrong number of messages in the media group: must be 2-10")
        if any(item.get("type") != "photo" for item in items):
            raise bad_request("the sandbox supports albums of photos only")
        reply_to = world.reply_target(key, reply_parameters(p))
        captions = [caption_of(item.get("caption"), item) for item in items]
        contents = []
        for item, caption in zip(items, captions):
            reference = item.get("media")
            upload = p.attached(reference) if isinstance(reference, str) else None
            if isinstance(reference, str) and reference.startswith("attach://") and upload is None:
                raise bad_request(WRONG_FILE)
            contents.append({"photo": self._photo(upload, reference), **caption})
        world.spend(bot, key, len(contents))
        group_id = world.new_media_group_id()
        messages = [
            world.bot_send(bot, key, content, reply_to=reply_to if index == 0 else None, media_group_id=group_id)
            for index, content in enumerate(contents)
        ]
        return [world.render(message) for message in messages]

    def _document(self, upload: UploadedFile | None, reference: Any) -> dict[str, Any]:
        if upload is not None:
            if len(upload.data) > DOCUMENT_LIMIT:
                raise bad_request("file is too big")
            if not upload.data:
                raise bad_request("file must be non-empty")
            return self.world.files.document(upload.data, upload.file_name, upload.content_type)
        if isinstance(reference, str) and reference.strip():
            stored = self.world.files.get(self._file_id(reference))
            if stored is None:
                raise bad_request(WRONG_FILE)
            if stored.kind != "document":
                raise bad_request("type of file mismatch")
            return document_json(stored)
        raise bad_request("there is no document in the request")

    async def send_document(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Send a file (a new upload, named by its multipart file name, or a known document's file_id)."""
        return self._send_one(bot, p, "document", lambda: self._document(p.file("document"), p.raw("document")))

    async def get_file(self, bot: BotAccount, p: Params) -> dict[str, Any]:
        """Describe a file and give the ``file_path`` to download it from."""
        stored = self.world.files.get(p.str("file_id", required=True) or "")
        if stored is None:
            raise bad_request("invalid file_id")
        if stored.size > DOWNLOAD_LIMIT:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
            "file_size": stored.size, "file_path": stored.file_path,
        }


def file_response(world: World, file_id: str | None = None, file_path: str | None = None) -> web.StreamResponse:
    """Serve a stored file's bytes (404 in the Bot API's error shape when unknown)."""
    stored = world.files.get(file_id) if file_id else world.files.at_path(file_path or "")
    if stored is None:
        error = ApiError(404, "Not Found")
        return web.json_response(error.to_json(), status=404, dumps=dumps)
    headers = {}
    if stored.file_name:
        headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(stored.file_name, safe='')}"
    return web.Response(body=stored.data, content_type=stored.mime_type, headers=headers)

