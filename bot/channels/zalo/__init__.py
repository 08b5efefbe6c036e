"""The Zalo Bot Platform channel: our own small API client, update parsing and a webhook handler.

We do not use the ``python-zalo-bot`` package. See :mod:`.client` (calls), :mod:`.updates` (incoming
events) and :mod:`.webhook`; retries and message splitting are the channels' shared :mod:`bot.channels.retry`
and :mod:`bot.channels.text`.
"""

from bot.channels.retry import RetryPolicy
from bot.channels.text import split_text
from bot.channels.zalo.client import DEFAULT_BASE_URL, MESSAGE_LIMIT, ZaloClient, retrying
from bot.channels.zalo.errors import (
    ZaloBadUpdate,
    ZaloConnectionError,
    ZaloDownloadError,
    ZaloError,
    ZaloFileTooLarge,
    ZaloPartialSend,
    ZaloQuotaExceeded,
    ZaloUnauthorized,
)
from bot.channels.zalo.updates import ZaloUpdate, parse_update
from bot.channels.zalo.webhook import SECRET_HEADER, WebhookHandler, webhook_handler

__all__ = [
    "DEFAULT_BASE_URL", "MESSAGE_LIMIT", "SECRET_HEADER", "RetryPolicy", "ZaloBadUpdate", "ZaloClient",
    "ZaloConnectionError", "ZaloDownloadError", "ZaloError", "ZaloFileTooLarge", "ZaloPartialSend",
    "ZaloQuotaExceeded", "ZaloUnauthorized", "ZaloUpdate", "WebhookHandler", "parse_update", "retrying", "split_text",
    "webhook_handler",
]
