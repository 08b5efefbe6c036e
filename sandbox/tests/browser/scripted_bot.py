"""A small scripted bot (python-telegram-bot) for the chat page tests: just enough to exercise the page.

Private chat: /start greets with a reply keyboard, /menu offers two inline buttons, a pressed button
is answered (toast) and its message edited, /tam posts a message and deletes it, photos are answered with their size, documents with their
name, other text is echoed. Admin group: text is acknowledged, /pending posts a two-photo album, a PDF document and a
dossier card with buttons that edit the card when pressed.
"""

from __future__ import annotations

import asyncio
import io

from PIL import Image, ImageDraw
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputMediaPhoto, ReplyKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

CHOICES = {"yes": "Đồng ý", "no": "Từ chối", "approve": "Duyệt", "return": "Trả lại"}
CARD_TEXT = "Hồ sơ HS-0001 · Đăng ký khai sinh\nNgười nộp: Chị Lan\nHạn xử lý: 3 ngày làm việc"


def scan_image(label: str, color: tuple[int, int, int]) -> bytes:
    """Draw a small 'scanned page' picture for the dossier album."""
    image = Image.new("RGB", (480, 360), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 30, 440, 330), fill=(250, 250, 245))
    for row in range(6):
        draw.line((70, 90 + row * 35, 410, 90 + row * 35), fill=(150, 150, 150), width=4)
    draw.text((70, 45), label, fill=(20, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    keyboard = ReplyKeyboardMarkup([["Hỏi thủ tục", "/menu"]], resize_keyboard=True,
                                   input_field_placeholder="Gõ câu hỏi…")
    await update.effective_message.reply_text(
        f"Xin chào {update.effective_user.first_name}! Đây là bot thử nghiệm của bộ phận Một cửa: https://dichvucong.gov.vn",
        reply_markup=keyboard,
    )


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("Các lệnh: /start, /menu, /help. Gửi ảnh để thử nhận ảnh.")


async def menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    buttons = [[InlineKeyboardButton(CHOICES["yes"], callback_data="yes"),
                InlineKeyboardButton(CHOICES["no"], callback_data="no")]]
    await update.effective_message.reply_text("Bạn có đồng ý nộp hồ sơ không?",
                                              reply_markup=InlineKeyboardMarkup(buttons))


async def fleeting(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    sent = await update.effective_message.reply_text("Tin nhắn tạm, sẽ bị xóa")
    await asyncio.sleep(0.8)
    await sent.delete()


async def pending(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    await context.bot.send_media_group(chat.id, [
        InputMediaPhoto(scan_image("Giay chung sinh", (90, 120, 160))),
        InputMediaPhoto(scan_image("CCCD me", (150, 110, 80))),
    ])
    await context.bot.send_document(chat.id, b"%PDF-1.7\n%%EOF\n", filename="to-khai-HS-0001.pdf")
    buttons = [[InlineKeyboardButton(CHOICES["approve"], callback_data="approve"),
                InlineKeyboardButton(CHOICES["return"], callback_data="return")]]
    await context.bot.send_message(chat.id, CARD_TEXT, reply_markup=InlineKeyboardMarkup(buttons))


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    label = CHOICES.get(query.data or "", "?")
    await query.answer(f"Bạn chọn {label}")
    if query.data in ("approve", "return"):
        await query.edit_message_text(f"{CARD_TEXT}\n\n✅ {label} — {query.from_user.first_name}")
    else:
        await query.edit_message_text(f"Đã chọn: {label}")


async def photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_chat.send_action(ChatAction.TYPING)
    largest = update.effective_message.photo[-1]
    await update.effective_message.reply_text(f"Đã nhận ảnh {largest.width}×{largest.height}")


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(f"Đã nhận tệp {update.effective_message.document.file_name}")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(f"Bạn viết: {update.effective_message.text}")


async def group_note(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    await message.reply_text(f"Đã ghi nhận ý kiến của {message.from_user.first_name}: {message.text}")


def build_application(token: str, base_url: str, base_file_url: str) -> Application:
    """Build the bot's Application against the sandbox (not started)."""
    application = Application.builder().token(token).base_url(base_url).base_file_url(base_file_url).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("menu", menu))
    application.add_handler(CommandHandler("tam", fleeting))
    application.add_handler(CommandHandler("pending", pending, filters=filters.ChatType.GROUPS))
    application.add_handler(CallbackQueryHandler(pressed))
    application.add_handler(MessageHandler(filters.PHOTO, photo))
    application.add_handler(MessageHandler(filters.Document.ALL, document))
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, group_note))
    return application
