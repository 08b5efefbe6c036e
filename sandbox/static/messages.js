// Turns Bot API messages (as the client API renders them) into chat bubbles: text from the server's
// escaped HTML, photos and albums, documents, quotes, inline keyboards; and reply keyboards into buttons.

import { SAFE_URL, el, fullName, safeFragment, sizeOf, timeOf } from "./dom.js";

// Consecutive photos of one album become one item; everything else is one item per message.
export function groupItems(entries) {
  const items = [];
  for (const entry of entries) {
    const message = entry.message;
    const last = items[items.length - 1];
    const album = message.media_group_id;
    if (album && last && last.album === album && last.entries[0].message.from?.id === message.from?.id) {
      last.entries.push(entry);
    } else {
      items.push({ key: album ? `g${album}-${message.message_id}` : `m${message.message_id}`, album, entries: [entry] });
    }
  }
  return items;
}

function serviceText(message) {
  if (message.new_chat_members) return `${message.new_chat_members.map(fullName).join(", ")} đã tham gia nhóm`;
  if (message.left_chat_member) return `${fullName(message.left_chat_member)} đã rời nhóm`;
  if (message.new_chat_title) return `Tên nhóm đổi thành “${message.new_chat_title}”`;
  if (message.group_chat_created || message.supergroup_chat_created) return "Nhóm đã được tạo";
  return null;
}

const CONTENT_KEYS = ["text", "caption", "photo", "document", "contact", "location", "sticker", "video", "audio",
  "voice", "animation", "venue", "poll"];

// Build a chat item (one message, or a whole album) as the person `view.userId` sees it in a chat of
// `view.kind`; `view.press(messageId, data, button)`, `view.openImage(url)` and `view.imageLoaded()` act.
export function buildItem(item, view) {
  const first = item.entries[0].message;
  const hasContent = CONTENT_KEYS.some((key) => key in first);
  if (!hasContent) {
    return el("li", { class: "service", dataset: { messageId: first.message_id } },
      el("span", { text: serviceText(first) || "(tin nhắn hệ thống)" }));
  }
  const mine = first.from?.id === view.userId;
  const fromBot = Boolean(first.from?.is_bot);
  const classes = ["msg", mine ? "out" : "in", fromBot ? "bot" : "", item.album ? "has-album" : ""];
  const li = el("li", {
    class: classes.filter(Boolean).join(" "),
    dataset: { messageId: first.message_id, messageIds: item.entries.map((e) => e.message.message_id).join(" ") },
  });
  const bubble = el("div", { class: "bubble" });
  if (view.kind === "group" && !mine) {
    bubble.append(el("div", { class: "sender", text: fromBot ? `${fullName(first.from)} (bot)` : fullName(first.from) }));
  }
  if (first.reply_to_message) bubble.append(buildQuote(first.reply_to_message));
  const photos = item.entries.map((e) => e.message).filter((m) => m.photo);
  if (photos.length) bubble.append(buildPhotos(photos, view));
  if (first.document) bubble.append(buildDocument(first));
  if (first.contact) {
    bubble.append(el("div", { class: "text", text: `📞 ${fullName(first.contact)}: ${first.contact.phone_number}` }));
  }
  if (first.location) {
    bubble.append(el("div", { class: "text", text: `📍 Vị trí ${first.location.latitude}, ${first.location.longitude}` }));
  }
  const captioned = item.entries.map((e) => e.message).find((m) => m.caption_html);
  const html = first.html ?? captioned?.caption_html;
  if (html) bubble.append(el("div", { class: "text" }, safeFragment(html)));
  else if (!photos.length && !first.document && !first.contact && !first.location) {
    bubble.append(el("div", { class: "text muted", text: "(nội dung chưa hiển thị được trên trang thử nghiệm)" }));
  }
  bubble.append(el("div", { class: "meta" },
    first.edit_date ? el("span", { class: "edited", text: "đã sửa" }) : null,
    el("time", { datetime: new Date(first.date * 1000).toISOString(), text: timeOf(first.date) })));
  li.append(bubble);
  const keyboard = first.reply_markup?.inline_keyboard;
  if (keyboard?.length) li.append(buildInlineKeyboard(first, keyboard, view));
  return li;
}

function buildQuote(message) {
  const text = message.text || message.caption || (message.photo ? "Ảnh" : message.document ? "Tệp" : "Tin nhắn");
  return el("div", { class: "quote" },
    el("strong", { text: fullName(message.from) }),
    el("span", { text: text.length > 90 ? `${text.slice(0, 90)}…` : text }));
}

function buildPhotos(messages, view) {
  const box = el("div", { class: messages.length > 1 ? "album" : "photo", role: messages.length > 1 ? "group" : null,
    "aria-label": messages.length > 1 ? `Album ${messages.length} ảnh` : null });
  messages.forEach((message, index) => {
    const sizes = message.photo;
    const thumb = sizes.find((size) => size.width >= 320) || sizes[sizes.length - 1];
    const full = sizes[sizes.length - 1];
    const label = messages.length > 1 ? `Ảnh ${index + 1}/${messages.length} — xem cỡ lớn` : "Ảnh — xem cỡ lớn";
    box.append(el("button", { type: "button", class: "thumb", "aria-label": label, onclick: () => view.openImage(full.url) },
      el("img", { src: thumb.url, width: thumb.width, height: thumb.height, alt: "", loading: "lazy", decoding: "async",
        onload: () => view.imageLoaded() })));
  });
  return box;
}

function buildDocument(message) {
  const doc = message.document;
  const name = doc.file_name || "tệp";
  return el("a", { class: "doc", href: message.file_url, target: "_blank", rel: "noopener", download: name },
    el("span", { class: "doc-icon", "aria-hidden": "true", text: "📄" }),
    el("span", { class: "doc-name", text: name }),
    el("span", { class: "doc-size", text: [doc.mime_type, sizeOf(doc.file_size)].filter(Boolean).join(" · ") }));
}

function buildInlineKeyboard(message, rows, view) {
  const box = el("div", { class: "inline-keyboard", role: "group", "aria-label": "Nút bấm của tin nhắn" });
  for (const row of rows) {
    const line = el("div", { class: "ik-row" });
    for (const button of row) {
      if (button.callback_data !== undefined) {
        line.append(el("button", { type: "button", class: "ik", text: button.text,
          onclick: (event) => view.press(message.message_id, button.callback_data, event.currentTarget) }));
      } else if (button.url && SAFE_URL.test(button.url)) {
        line.append(el("a", { class: "ik", href: button.url, target: "_blank", rel: "noopener noreferrer",
          text: `${button.text} ↗` }));
      } else {
        line.append(el("button", { type: "button", class: "ik", text: button.text, disabled: true,
          title: "Loại nút này chưa dùng được trên trang thử nghiệm" }));
      }
    }
    box.append(line);
  }
  return box;
}

// Build the rows of a reply keyboard; `onPress(button)` gets the pressed button object.
export function buildReplyKeyboard(rows, onPress) {
  return rows.map((row) => el("div", { class: "rk-row" }, ...row.map((raw) => {
    const button = typeof raw === "string" ? { text: raw } : raw;
    return el("button", { type: "button", class: "rk", text: button.text, onclick: () => onPress(button) });
  })));
}
