// Calls to the sandbox's client APIs — Telegram's under /sandbox/api/, Zalo's under /sandbox/zalo/api/ —
// JSON or multipart in, the `result` out, errors thrown with the server's description; and one adapter
// per platform holding what differs between the two for a citizen's chat.

const TELEGRAM_API = "/sandbox/api";
const ZALO_API = "/sandbox/zalo/api";

export function apiUrl(path, query = {}, base = TELEGRAM_API) {
  const url = new URL(base + path, window.location.origin);
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  return url;
}

export async function api(method, path, { query, json, form, base } = {}) {
  const init = { method, headers: {} };
  if (json) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;
  }
  const response = await fetch(apiUrl(path, query, base), init);
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`Máy chủ trả lỗi HTTP ${response.status}`);
  }
  if (!body.ok) throw new Error(body.description || `Máy chủ trả lỗi HTTP ${response.status}`);
  return body.result;
}

// Zalo's messages in the shape messages.js draws (the Bot API's): dates in seconds (milliseconds kept in
// `date_ms`), a photo as one size (the sandbox's copy when it has one, else the link the bot sent),
// stickers and unsupported content as text.
function zaloMessage(message) {
  const view = { ...message, date: Math.floor(message.date / 1000), date_ms: message.date };
  const url = message.file_url || (/^https?:/i.test(message.photo_url || "") ? message.photo_url : null);
  delete view.photo_url;
  if (message.kind === "photo" && url) view.photo = [{ url }];
  if (message.kind === "sticker") view.text = `🙂 Nhãn dán ${message.sticker || ""}`.trim();
  if (message.kind === "unsupported") view.text = "(tin nhắn Zalo mà bot không đọc được: tệp, ghi âm…)";
  if (message.kind === "sticker" || message.kind === "unsupported") {
    view.html = view.text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
  }
  return view;
}

// What differs between the platforms, for the citizen's private chat with the bot. Both client APIs have
// /users, /bots, /chats/{id}/messages (GET and POST), /chats/{id}/photos and /chats/{id}/events (SSE with
// the same event format), and take the person looking (`user_id`) and the bot (`bot`) on every call.
export const PLATFORMS = {
  telegram: {
    id: "telegram",
    label: "Telegram",
    base: TELEGRAM_API,
    albumMax: 10, // 2-10 images go as one album
    documents: "documents", // the route for other files
    documentsNote: null,
    buttons: true, // inline and reply keyboards, contacts, locations
    order: (message) => message.message_id, // ids grow with time
    key: (user) => String(user.id),
    botName: (bot) => bot.first_name,
    botStatus: (bot) => `bot @${bot.username}`,
    message: (message) => message,
  },
  zalo: {
    id: "zalo",
    label: "Zalo",
    base: ZALO_API,
    albumMax: 1, // no albums: images go one by one
    documents: "unsupported", // Zalo's bots are only told that something they cannot read arrived
    documentsNote: "Zalo không chuyển tệp cho bot: bot chỉ biết có một tin nhắn nó không đọc được.",
    buttons: false, // numbered text menus instead
    order: (message) => message.date_ms, // ids are random (ties: the order messages arrived in)
    key: (user) => `zalo:${user.id}`,
    botName: (bot) => bot.display_name,
    botStatus: () => "bot trên Zalo",
    message: zaloMessage,
  },
};

// Call a platform's client API.
export function platformApi(platform, method, path, options = {}) {
  return api(method, path, { ...options, base: platform.base });
}
