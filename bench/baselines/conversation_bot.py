"""A birth-registration bot written the usual way with python-telegram-bot, as a point of comparison.

This is what a developer would write from PTB's examples: a ``ConversationHandler`` with one state per
question, ``MessageHandler`` filters for typed answers and photos, ``CallbackQueryHandler`` for the
choices, answers kept in ``context.user_data``, photos kept as Telegram ``file_id`` (never downloaded or
checked), and ``PicklePersistence`` (default ``update_interval``) with a persistent conversation.
It asks the same questions as flows/birth_registration.yaml, branches included, and uses the same
button data as motcua, so both bots can be fed the very same updates.

    BOT_TOKEN=123:ABC python -m bench.baselines.conversation_bot   # run it against Telegram
"""

from __future__ import annotations

import os
import re
import warnings
from datetime import datetime
from pathlib import Path
from typing import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    PicklePersistence,
    filters,
)
from telegram.warnings import PTBUserWarning

# PTB warns that callback queries are tracked per chat, not per message: that is what we want here.
warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)

(
    MENU, CONSENT, RELATIONSHIP, ID_CARD, REQUESTER_NAME, REQUESTER_ID, REQUESTER_RESIDENCE, REQUESTER_PHONE,
    CHILD_NAME, CHILD_SEX, CHILD_DOB, CHILD_BIRTHPLACE, CHILD_ETHNICITY, CHILD_NATIONALITY, CHILD_HOMETOWN,
    MOTHER_NAME, MOTHER_DOB, MOTHER_ETHNICITY, MOTHER_NATIONALITY, MOTHER_RESIDENCE, MOTHER_ID,
    FATHER_KNOWN, FATHER_NAME, FATHER_DOB, FATHER_ETHNICITY, FATHER_NATIONALITY, FATHER_RESIDENCE, FATHER_ID,
    PARENTS_MARRIED, HAS_BIRTH_CERTIFICATE, BIRTH_CERTIFICATE, HAS_WITNESS, WITNESS_STATEMENT, BIRTH_COMMITMENT,
    MARRIAGE_CERTIFICATE, AUTHORIZATION, REVIEW,
) = range(37)

CONVERSATION = "birth_registration"
YES_NO = [("Có", "yes"), ("Không", "no")]
CHOICES = {
    CONSENT: ("consent", [("Tôi đồng ý", "yes"), ("Không đồng ý", "no")]),
    RELATIONSHIP: ("relationship", [("Cha", "father"), ("Mẹ", "mother"), ("Ông/bà", "grandparent"),
                                    ("Người thân", "relative"), ("Người được ủy quyền", "authorized")]),
    CHILD_SEX: ("child_sex", [("Nam", "male"), ("Nữ", "female")]),
    FATHER_KNOWN: ("father_known", YES_NO),
    PARENTS_MARRIED: ("parents_married", YES_NO),
    HAS_BIRTH_CERTIFICATE: ("has_birth_certificate", YES_NO),
    HAS_WITNESS: ("has_witness", YES_NO),
}
SUGGESTIONS = {CHILD_ETHNICITY: "Kinh", MOTHER_ETHNICITY: "Kinh", FATHER_ETHNICITY: "Kinh",
               CHILD_NATIONALITY: "Việt Nam", MOTHER_NATIONALITY: "Việt Nam", FATHER_NATIONALITY: "Việt Nam"}
PHOTOS = {  # state: (answer key, fewest, most)
    ID_CARD: ("requester_id_card", 2, 2), BIRTH_CERTIFICATE: ("birth_certificate", 1, 2),
    WITNESS_STATEMENT: ("witness_statement", 1, 3), BIRTH_COMMITMENT: ("birth_commitment", 1, 3),
    MARRIAGE_CERTIFICATE: ("marriage_certificate", 0, 2), AUTHORIZATION: ("authorization", 1, 4),
}
QUESTIONS = {
    CONSENT: "Đăng ký khai sinh. Bạn đồng ý cho xử lý dữ liệu cá nhân để giải quyết hồ sơ?",
    RELATIONSHIP: "Bạn là gì của cháu bé?",
    ID_CARD: "Gửi 2 ảnh căn cước của bạn (mặt trước và mặt sau).",
    REQUESTER_NAME: "Họ và tên đầy đủ của bạn?",
    REQUESTER_ID: "Số định danh cá nhân của bạn (12 chữ số)?",
    REQUESTER_RESIDENCE: "Nơi cư trú hiện nay của bạn?",
    REQUESTER_PHONE: "Số điện thoại liên hệ?",
    CHILD_NAME: "Họ và tên cháu bé?",
    CHILD_SEX: "Giới tính của cháu?",
    CHILD_DOB: "Ngày sinh của cháu (ngày/tháng/năm)?",
    CHILD_BIRTHPLACE: "Nơi sinh của cháu?",
    CHILD_ETHNICITY: "Dân tộc của cháu?",
    CHILD_NATIONALITY: "Quốc tịch của cháu?",
    CHILD_HOMETOWN: "Quê quán của cháu?",
    MOTHER_NAME: "Họ và tên mẹ?",
    MOTHER_DOB: "Ngày sinh (hoặc năm sinh) của mẹ?",
    MOTHER_ETHNICITY: "Dân tộc của mẹ?",
    MOTHER_NATIONALITY: "Quốc tịch của mẹ?",
    MOTHER_RESIDENCE: "Nơi cư trú của mẹ?",
    MOTHER_ID: "Số định danh cá nhân của mẹ?",
    FATHER_KNOWN: "Đã xác định được cha của cháu chưa?",
    FATHER_NAME: "Họ và tên cha?",
    FATHER_DOB: "Ngày sinh (hoặc năm sinh) của cha?",
    FATHER_ETHNICITY: "Dân tộc của cha?",
    FATHER_NATIONALITY: "Quốc tịch của cha?",
    FATHER_RESIDENCE: "Nơi cư trú của cha?",
    FATHER_ID: "Số định danh cá nhân của cha?",
    PARENTS_MARRIED: "Cha mẹ cháu đã đăng ký kết hôn chưa?",
    HAS_BIRTH_CERTIFICATE: "Bạn có giấy chứng sinh của cháu không?",
    BIRTH_CERTIFICATE: "Gửi ảnh giấy chứng sinh (1–2 ảnh).",
    HAS_WITNESS: "Có người làm chứng việc sinh không?",
    WITNESS_STATEMENT: "Gửi ảnh văn bản của người làm chứng (1–3 ảnh).",
    BIRTH_COMMITMENT: "Gửi ảnh giấy cam đoan về việc sinh (1–3 ảnh).",
    MARRIAGE_CERTIFICATE: "Gửi ảnh giấy chứng nhận kết hôn (không bắt buộc), hoặc gõ «xong».",
    AUTHORIZATION: "Gửi ảnh văn bản ủy quyền (1–4 ảnh).",
}


# -- validation ---------------------------------------------------------------------------------

def valid_name(text: str) -> str | None:
    """A person's name: letters and spaces, returned in title case."""
    words = text.split()
    return " ".join(w.capitalize() for w in words) if words and all(w.isalpha() for w in words) else None


def valid_id(text: str) -> str | None:
    """A 12-digit personal id number."""
    digits = text.replace(" ", "")
    return digits if re.fullmatch(r"\d{12}", digits) else None


def valid_phone(text: str) -> str | None:
    """A Vietnamese phone number: 10 digits starting with 0."""
    digits = re.sub(r"[ .-]", "", text)
    return digits if re.fullmatch(r"0\d{9}", digits) else None


def valid_date(text: str) -> str | None:
    """A date as dd/mm/yyyy."""
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").strftime("%d/%m/%Y")
    except ValueError:
        return None


def valid_date_or_year(text: str) -> str | None:
    """A date as dd/mm/yyyy, or a year."""
    text = text.strip()
    return text if re.fullmatch(r"(19|20)\d\d", text) else valid_date(text)


def valid_text(text: str) -> str | None:
    """Any non-empty text of at most 200 characters."""
    text = " ".join(text.split())
    return text if 0 < len(text) <= 200 else None


def valid_address(text: str) -> str | None:
    """An address: at least a few characters."""
    text = " ".join(text.split())
    return text if 5 <= len(text) <= 200 else None


TEXTS = {  # state: (answer key, validator)
    REQUESTER_NAME: ("requester_name", valid_name), REQUESTER_ID: ("requester_id", valid_id),
    REQUESTER_RESIDENCE: ("requester_residence", valid_address), REQUESTER_PHONE: ("requester_phone", valid_phone),
    CHILD_NAME: ("child_name", valid_name), CHILD_DOB: ("child_dob", valid_date),
    CHILD_BIRTHPLACE: ("child_birthplace", valid_address), CHILD_ETHNICITY: ("child_ethnicity", valid_text),
    CHILD_NATIONALITY: ("child_nationality", valid_text), CHILD_HOMETOWN: ("child_hometown", valid_address),
    MOTHER_NAME: ("mother_name", valid_name), MOTHER_DOB: ("mother_dob", valid_date_or_year),
    MOTHER_ETHNICITY: ("mother_ethnicity", valid_text), MOTHER_NATIONALITY: ("mother_nationality", valid_text),
    MOTHER_RESIDENCE: ("mother_residence", valid_address), MOTHER_ID: ("mother_id", valid_id),
    FATHER_NAME: ("father_name", valid_name), FATHER_DOB: ("father_dob", valid_date_or_year),
    FATHER_ETHNICITY: ("father_ethnicity", valid_text), FATHER_NATIONALITY: ("father_nationality", valid_text),
    FATHER_RESIDENCE: ("father_residence", valid_address), FATHER_ID: ("father_id", valid_id),
}


# -- what comes next ------------------------------------------------------------------------------

def next_state(state: int, answers: dict) -> int:
    """The question after ``state``, following the flow's branches."""
    if state == MOTHER_ID:
        return FATHER_KNOWN
    if state == FATHER_KNOWN and answers.get("father_known") == "no":
        return HAS_BIRTH_CERTIFICATE
    if state == HAS_BIRTH_CERTIFICATE:
        return BIRTH_CERTIFICATE if answers.get("has_birth_certificate") == "yes" else HAS_WITNESS
    if state == HAS_WITNESS:
        return WITNESS_STATEMENT if answers.get("has_witness") == "yes" else BIRTH_COMMITMENT
    if state in (BIRTH_CERTIFICATE, WITNESS_STATEMENT, BIRTH_COMMITMENT):
        return MARRIAGE_CERTIFICATE if answers.get("parents_married") == "yes" else next_state(MARRIAGE_CERTIFICATE, answers)
    if state == MARRIAGE_CERTIFICATE:
        return AUTHORIZATION if answers.get("relationship") in ("grandparent", "relative", "authorized") else REVIEW
    if state == AUTHORIZATION:
        return REVIEW
    return state + 1


def keyboard(state: int, answers: dict) -> InlineKeyboardMarkup | None:
    """The buttons shown with a question, if any."""
    rows = []
    if state in CHOICES:
        key, options = CHOICES[state]
        rows = [[InlineKeyboardButton(label, callback_data=f"a:{key}:{value}")] for label, value in options]
    elif state in SUGGESTIONS:
        rows = [[InlineKeyboardButton(SUGGESTIONS[state], callback_data=f"s:{TEXTS[state][0]}:0")]]
    elif state == MARRIAGE_CERTIFICATE and not answers.get("marriage_certificate"):
        rows = [[InlineKeyboardButton("Bỏ qua", callback_data="k:marriage_certificate")]]
    elif state == REVIEW:
        rows = [[InlineKeyboardButton("Gửi hồ sơ", callback_data="r:send")],
                [InlineKeyboardButton("Sửa", callback_data="r:edit")]]
    return InlineKeyboardMarkup(rows) if rows else None


def review_text(answers: dict) -> str:
    """The summary the citizen checks before sending."""
    lines = ["Kiểm tra lại hồ sơ:"]
    for key, value in answers.items():
        shown = f"{len(value)} ảnh" if isinstance(value, list) else value
        lines.append(f"- {key}: {shown}")
    return "\n".join(lines)


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE, state: int) -> int:
    """Send the question of ``state`` (the review for REVIEW) and return the state."""
    text = review_text(context.user_data) if state == REVIEW else QUESTIONS[state]
    await update.effective_message.reply_text(text, reply_markup=keyboard(state, context.user_data))
    return state


# -- handlers ------------------------------------------------------------------------------------

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Show the menu of procedures."""
    menu = InlineKeyboardMarkup([[InlineKeyboardButton("Đăng ký khai sinh", callback_data="m:birth_registration")]])
    await update.message.reply_text("Chọn thủ tục:", reply_markup=menu)
    return MENU


async def begin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Start a birth registration: ask for consent first."""
    await update.callback_query.answer()
    context.user_data.clear()
    return await ask(update, context, CONSENT)


def choice_handler(state: int) -> Callable:
    """Build the handler storing a pressed choice for ``state``."""
    key, _ = CHOICES[state]

    async def on_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Store the chosen option and ask the next question."""
        query = update.callback_query
        await query.answer()
        value = query.data.rsplit(":", 1)[1]
        if state == CONSENT and value == "no":
            await query.message.reply_text("Đã dừng. Gõ /start để bắt đầu lại.")
            return ConversationHandler.END
        context.user_data[key] = value
        return await ask(update, context, next_state(state, context.user_data))

    return on_choice


def text_handler(state: int) -> Callable:
    """Build the handler validating and storing a typed answer for ``state``."""
    key, validate = TEXTS[state]

    async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int | None:
        """Store a valid answer and ask the next question, or ask again."""
        typed = update.message.text
        if validate is valid_address:  # asked in three parts like motcua's place step: province, commune, street
            parts = context.user_data.setdefault("_parts", [])
            parts.append(" ".join(typed.split()))
            if len(parts) < 3:
                await update.message.reply_text(("Xã/phường?", "Số nhà, đường?")[len(parts) - 1])
                return None
            typed = ", ".join(reversed(context.user_data.pop("_parts")))
        value = validate(typed)
        if value is None:
            await update.message.reply_text("Câu trả lời chưa hợp lệ. " + QUESTIONS[state])
            return None
        context.user_data[key] = value
        return await ask(update, context, next_state(state, context.user_data))

    return on_text


def suggestion_handler(state: int) -> Callable:
    """Build the handler taking a suggested answer (a button) for ``state``."""
    key, _ = TEXTS[state]

    async def on_suggestion(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Store the suggested value and ask the next question."""
        await update.callback_query.answer()
        context.user_data[key] = SUGGESTIONS[state]
        return await ask(update, context, next_state(state, context.user_data))

    return on_suggestion


def photo_handler(state: int) -> Callable:
    """Build the handler collecting photos (as file ids) for ``state``."""
    key, fewest, most = PHOTOS[state]

    async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int | None:
        """Keep the photo's file id; move on once the most photos are in."""
        photos = context.user_data.setdefault(key, [])
        photos.append(update.message.photo[-1].file_id)
        if len(photos) >= most:
            return await ask(update, context, next_state(state, context.user_data))
        done = InlineKeyboardMarkup([[InlineKeyboardButton("Xong", callback_data=f"d:{key}")]]) if len(photos) >= fewest else None
        await update.message.reply_text(f"Đã nhận {len(photos)}/{most} ảnh.", reply_markup=done)
        return None

    return on_photo


def photos_done_handler(state: int) -> Callable:
    """Build the handler closing the photos of ``state`` (a button, «xong» or «bỏ qua»)."""
    key, fewest, _ = PHOTOS[state]

    async def on_done(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int | None:
        """Go on if enough photos were sent, else say how many are needed."""
        if update.callback_query:
            await update.callback_query.answer()
        if len(context.user_data.get(key, [])) < fewest:
            await update.effective_message.reply_text(f"Cần ít nhất {fewest} ảnh.")
            return None
        return await ask(update, context, next_state(state, context.user_data))

    return on_done


async def send(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Accept the dossier: give a receipt code and forget the answers."""
    await update.callback_query.answer()
    submitted = context.bot_data.get("submitted", 0) + 1
    context.bot_data["submitted"] = submitted
    code = f"KS-{datetime.now():%y%m%d}-{submitted:05d}"
    context.user_data.clear()
    await update.effective_message.reply_text(f"Đã nhận hồ sơ. Mã hồ sơ: {code}")
    return ConversationHandler.END


async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Editing is not offered: start over."""
    await update.callback_query.answer()
    await update.effective_message.reply_text("Gõ /start để khai lại từ đầu.")
    return ConversationHandler.END


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Drop the registration in progress."""
    context.user_data.clear()
    await update.message.reply_text("Đã hủy. Gõ /start để bắt đầu lại.")
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    """The conversation: one state per question."""
    typed = filters.TEXT & ~filters.COMMAND
    states: dict[int, list] = {MENU: [CallbackQueryHandler(begin, pattern="^m:birth_registration$")]}
    for state, (key, _) in CHOICES.items():
        states[state] = [CallbackQueryHandler(choice_handler(state), pattern=f"^a:{key}:")]
    for state, (key, _) in TEXTS.items():
        states[state] = [MessageHandler(typed, text_handler(state))]
        if state in SUGGESTIONS:
            states[state].append(CallbackQueryHandler(suggestion_handler(state), pattern=f"^s:{key}:"))
    for state, (key, _, _) in PHOTOS.items():
        states[state] = [
            MessageHandler(filters.PHOTO, photo_handler(state)),
            CallbackQueryHandler(photos_done_handler(state), pattern=f"^[dk]:{key}$"),
            MessageHandler(filters.Regex(r"(?i)^\s*(xong|bỏ qua|bo qua)\s*$"), photos_done_handler(state)),
        ]
    states[REVIEW] = [CallbackQueryHandler(send, pattern="^r:send$"), CallbackQueryHandler(edit, pattern="^r:edit$")]
    return ConversationHandler(
        entry_points=[CommandHandler("start", start)],
        states=states,
        fallbacks=[CommandHandler("cancel", cancel), CommandHandler("start", start)],
        name=CONVERSATION,
        persistent=True,
    )


def build_application(persistence_file: Path | str, *, token: str = "123:ABC", request=None,
                      get_updates_request=None) -> Application:
    """The bot with its pickle persistence; ``request`` replaces the HTTP client (offline runs)."""
    builder = Application.builder().token(token).persistence(PicklePersistence(filepath=persistence_file))
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application = builder.build()
    application.add_handler(conversation())
    return application


def main() -> None:
    """Run the bot against Telegram with BOT_TOKEN (polling)."""
    build_application("conversation_bot.pickle", token=os.environ["BOT_TOKEN"]).run_polling()


if __name__ == "__main__":
    main()
