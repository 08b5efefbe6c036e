// The sandbox chat page's state and behaviour: a citizen's private chat with the bot (on Telegram or on
// Zalo) and an officials' Telegram admin group (one per office, chosen in a list), each in a pane with its composer.
//
// The people and groups come from /users and /groups of both client APIs; a chat is read once from
// /chats/{id}/messages and then followed over SSE (/chats/{id}/events); on any stream error the pane
// re-reads the chat and opens a new stream. What differs between Telegram and Zalo is in the platform
// adapters of api.js; rendering of messages is in messages.js, helpers in dom.js. All state lives in
// the `app` object.

import { PLATFORMS, api, apiUrl, platformApi } from "./api.js";
import { el, fullName, initials, toast } from "./dom.js";
import { buildItem, buildReplyKeyboard, groupItems } from "./messages.js";

const STORE_KEY = "motcua.sandbox.choices";
const WIDE = window.matchMedia("(min-width: 900px)");
const PRESENT = new Set(["creator", "administrator", "member", "restricted"]);
const EVENT_KINDS = ["message", "edited", "deleted", "callback_answer", "chat_action"];
const TYPING_MS = 5000;
const PRESS_WAIT_SECONDS = 8;
const REGISTRY_POLL_MS = 3000;
const COMMANDS = {
  citizen: [
    { text: "/start" }, { text: "/back" }, { text: "/cancel" }, { text: "/help" },
  ],
  group: [
    { text: "/pending" }, { text: "/find", fill: "/find " }, { text: "/stats" }, { text: "/help" },
  ],
};
const ACTIONS = {
  typing: "đang soạn tin", upload_photo: "đang gửi ảnh", upload_document: "đang gửi tệp",
  find_location: "đang tìm vị trí",
};

const app = {
  bots: [],
  users: new Map(),
  zaloBots: [],
  zaloUsers: [],
  groups: [],
  officials: new Set(),
  choices: { citizen: null, official: null, group: null },
  tab: "citizen",
  version: 0,
  panes: {},
  registryTimer: null,
};

// ------------------------------------------------------------------------------------------ choices

function loadChoices() {
  try {
    Object.assign(app.choices, JSON.parse(localStorage.getItem(STORE_KEY) || "{}"));
  } catch {
    /* storage unavailable or corrupt: start fresh */
  }
}

function saveChoices() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(app.choices));
  } catch {
    /* storage unavailable: choices last for this visit only */
  }
}

// ------------------------------------------------------------------------------------------ registry

function humanMembers(group) {
  if (!group) return [];
  return Object.entries(group.members || {})
    .filter(([id, status]) => PRESENT.has(status) && app.users.has(Number(id)))
    .map(([id]) => app.users.get(Number(id)));
}

// Zalo's people and bots, or none when the sandbox has no Zalo side.
async function zaloRegistry() {
  try {
    const zalo = PLATFORMS.zalo;
    return await Promise.all([platformApi(zalo, "GET", "/bots"), platformApi(zalo, "GET", "/users")]);
  } catch {
    return [[], []];
  }
}

async function refreshRegistry() {
  clearTimeout(app.registryTimer);
  try {
    const [bots, users, groups, [zaloBots, zaloUsers]] = await Promise.all(
      [api("GET", "/bots"), api("GET", "/users"), api("GET", "/groups"), zaloRegistry()]);
    app.bots = bots;
    app.users = new Map(users.map((user) => [user.id, user]));
    app.zaloBots = zaloBots;
    app.zaloUsers = zaloUsers;
    app.groups = groups;
    app.officials = new Set(groups.flatMap((group) => humanMembers(group)).map((user) => user.id));  // every group's
  } catch (error) {
    for (const pane of Object.values(app.panes)) setStatus(pane, "không kết nối được máy chủ", "warn");
    app.registryTimer = setTimeout(refreshRegistry, REGISTRY_POLL_MS);
    return;
  }
  fillPickers();
  const citizens = citizenList();
  if (!app.bots.length || !citizens.length || !app.groups.length) {
    app.registryTimer = setTimeout(refreshRegistry, REGISTRY_POLL_MS);
  }
}

// The citizens to pick from: {key, platform, user, bot, name}; Zalo's only when there is a Zalo bot.
function citizenList() {
  const citizen = (platform, user, bot) => ({ key: platform.key(user), platform, user, bot, id: user.id,
    name: user.display_name || fullName(user) });
  const telegram = [...app.users.values()].filter((user) => !app.officials.has(user.id)).sort((a, b) => a.id - b.id)
    .map((user) => citizen(PLATFORMS.telegram, user, app.bots[0] || null));
  const zalo = app.zaloBots.length ? app.zaloUsers.map((user) => citizen(PLATFORMS.zalo, user, app.zaloBots[0])) : [];
  return [...telegram, ...zalo];
}

function fillSelect(select, items, chosen, describe, key = (item) => item.id) {
  const option = (item) => el("option", { value: key(item), text: describe(item) });
  // With people on several platforms, one option group per platform.
  const platforms = [...new Set(items.map((item) => item.platform).filter(Boolean))];
  const options = platforms.length > 1
    ? platforms.map((platform) => el("optgroup", { label: platform.label },
      ...items.filter((item) => item.platform === platform).map(option)))
    : items.map(option);
  if (!options.length) options.push(el("option", { value: "", text: "(chưa có)" }));
  select.replaceChildren(...options);
  select.disabled = !items.length;
  if (chosen !== null) select.value = String(chosen);
}

function fillPickers() {
  const citizens = citizenList();
  const citizen = citizens.find((item) => item.key === String(app.choices.citizen)) || citizens[0] || null;
  fillSelect(document.getElementById("pick-citizen"), citizens, citizen?.key ?? null, (item) => item.name,
    (item) => item.key);

  const group = app.groups.find((g) => g.id === app.choices.group) || app.groups[0] || null;
  const groupSelect = document.getElementById("pick-group");
  fillSelect(groupSelect, app.groups, group?.id ?? null, (g) => g.title);
  for (const node of document.querySelectorAll(".group-pick")) node.hidden = app.groups.length < 2;

  const members = humanMembers(group);
  const official = members.find((user) => user.id === app.choices.official) || members[0] || null;
  fillSelect(document.getElementById("pick-official"), members, official?.id ?? null, fullName);

  app.choices = { citizen: citizen?.key ?? null, official: official?.id ?? null, group: group?.id ?? null };
  saveChoices();
  const platform = citizen?.platform || PLATFORMS.telegram;
  setTarget(app.panes.citizen, citizen?.bot ? citizen.id : null, citizen?.id ?? null, citizen?.bot || null, platform);
  setTarget(app.panes.group, group && official ? group.id : null, official?.id ?? null, group, PLATFORMS.telegram);
}

function choose(key, value) {
  app.choices[key] = !value ? null : key === "citizen" ? value : Number(value);
  saveChoices();
  fillPickers();
}

async function addCitizen(name) {
  try {
    const user = await api("POST", "/users", { json: { first_name: name, language_code: "vi" } });
    app.choices.citizen = PLATFORMS.telegram.key(user);
    saveChoices();
    toast(`Đã thêm công dân ${fullName(user)}.`);
    await refreshRegistry();
    selectTab("citizen");
  } catch (error) {
    toast(`Không thêm được công dân: ${error.message}`, "error");
  }
}

// ------------------------------------------------------------------------------------------ panes

function buildPane(kind) {
  const root = document.querySelector(`[data-pane="${kind}"]`);
  root.append(document.getElementById("chat-template").content.cloneNode(true));
  const q = (selector) => root.querySelector(selector);
  const pane = {
    kind, root,
    els: {
      list: q(".messages"), empty: q(".empty"), replyKeyboard: q(".reply-keyboard"), chips: q(".chips"),
      form: q(".composer"), text: q(".text"), files: q(".file-input"), camera: q(".camera-input"),
      title: q(".title"), status: q(".status"), avatar: q(".avatar"), send: q(".send"), platform: q(".platform"),
    },
    chatId: null, userId: null, subject: null, platform: PLATFORMS.telegram,
    messages: new Map(), nodes: new Map(), arrivals: 0,
    seq: 0, source: null, generation: 0, retry: 0, retryTimer: null, keyboardTimer: null, typingTimer: null,
    replyKeyboard: null, answered: new Set(), stick: true, unread: 0, queue: Promise.resolve(), statusNote: "",
  };
  // What messages.js needs to draw this pane's messages and to act on them.
  pane.view = {
    kind,
    get userId() { return pane.userId; },
    press: (messageId, data, button) => press(pane, messageId, data, button),
    openImage: (url) => openLightbox(url),
    imageLoaded: () => { if (pane.stick) scrollToBottom(pane); },
  };
  const textId = `${kind}-text`;
  pane.els.text.id = textId;
  q("[data-for=text]").htmlFor = textId;
  pane.els.list.setAttribute("aria-label", kind === "citizen" ? "Tin nhắn với bot" : "Tin nhắn trong nhóm cán bộ");
  for (const command of COMMANDS[kind]) {
    pane.els.chips.append(el("button", {
      type: "button", class: "chip", text: command.text,
      title: command.fill ? `Điền “${command.fill.trim()}” để gõ thêm` : `Gửi ${command.text}`,
      onclick: () => (command.fill ? fillText(pane, command.fill) : sendText(pane, command.text)),
    }));
  }
  pane.els.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = pane.els.text.value.trim();
    if (!text) return;
    pane.els.text.value = "";
    autoGrow(pane.els.text);
    sendText(pane, text, () => { if (!pane.els.text.value) pane.els.text.value = text; });
  });
  pane.els.text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      pane.els.form.requestSubmit();
    }
  });
  pane.els.text.addEventListener("input", () => autoGrow(pane.els.text));
  for (const input of [pane.els.files, pane.els.camera]) {
    input.addEventListener("change", () => {
      const files = [...input.files];
      input.value = "";
      if (files.length) sendFiles(pane, files);
    });
  }
  pane.els.list.addEventListener("scroll", () => { pane.stick = nearBottom(pane.els.list); });
  // Keep the newest message in view when the list shrinks (a reply keyboard appears, the window resizes).
  new ResizeObserver(() => { if (pane.stick) scrollToBottom(pane); }).observe(pane.els.list);
  setUsable(pane, false);
  showEmpty(pane, "Đang tải…");
  return pane;
}

function autoGrow(textarea) {
  textarea.style.height = "auto";
  textarea.style.height = `${Math.min(textarea.scrollHeight, 140)}px`;
}

function fillText(pane, text) {
  pane.els.text.value = text;
  autoGrow(pane.els.text);
  pane.els.text.focus();
}

function nearBottom(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
}

function scrollToBottom(pane) {
  pane.els.list.scrollTop = pane.els.list.scrollHeight;
  pane.stick = true;
}

function viewerQuery(pane) {
  return { user_id: pane.userId, bot: pane.kind === "citizen" ? pane.subject?.id : null };
}

// The pane's chat on its platform's client API.
function chatCall(pane, method, route, options) {
  return platformApi(pane.platform, method, `/chats/${encodeURIComponent(pane.chatId)}/${route}`, options);
}

function defaultStatus(pane) {
  if (!pane.subject) return "";
  if (pane.kind === "citizen") return pane.platform.botStatus(pane.subject);
  const count = humanMembers(pane.subject).length;
  return `nhóm · ${count} cán bộ`;
}

function setStatus(pane, text, kind = "") {
  pane.statusNote = text;
  pane.els.status.textContent = text || defaultStatus(pane);
  pane.els.status.dataset.kind = text ? kind : "";
}

function renderHeader(pane) {
  const title = pane.subject ? (pane.kind === "citizen" ? pane.platform.botName(pane.subject) : pane.subject.title) : "";
  pane.els.title.textContent = title || (pane.kind === "citizen" ? "Chưa có bot" : "Chưa có nhóm");
  pane.els.avatar.textContent = initials(title);
  pane.root.dataset.platform = pane.platform.id;
  pane.els.platform.textContent = pane.platform.label;
  pane.els.platform.title = `Trò chuyện trên ${pane.platform.label}`;
  setStatus(pane, pane.statusNote, pane.els.status.dataset.kind);
}

// Point a pane at a chat as a person; a change drops everything shown and reads the chat afresh.
function setTarget(pane, chatId, userId, subject, platform) {
  pane.subject = subject;
  if (pane.chatId === chatId && pane.userId === userId && pane.platform === platform) {
    renderHeader(pane);
    return;
  }
  closeStream(pane);
  pane.generation += 1;
  clearTimeout(pane.retryTimer);
  clearTimeout(pane.keyboardTimer);
  clearTimeout(pane.typingTimer);
  Object.assign(pane, { chatId, userId, platform, seq: 0, retry: 0, replyKeyboard: null, stick: true, unread: 0,
    statusNote: "" });
  pane.messages.clear();
  pane.nodes.clear();
  pane.answered.clear();
  pane.els.list.replaceChildren();
  renderHeader(pane);
  renderReplyKeyboard(pane);
  renderBadge(pane);
  setUsable(pane, chatId !== null);
  if (chatId === null) {
    showEmpty(pane, pane.kind === "citizen"
      ? "Chưa có công dân hoặc bot. Bấm “+ Thêm công dân” hoặc chờ dịch vụ khởi động."
      : "Chưa có nhóm cán bộ. Chờ dịch vụ khởi động.");
    return;
  }
  sync(pane);
}

// Composer, chips and buttons work only once the pane shows a chat.
function setUsable(pane, usable) {
  for (const control of pane.root.querySelectorAll(".composer textarea, .composer button, .composer input, .chips button")) {
    control.disabled = !usable;
  }
}

function showEmpty(pane, text) {
  pane.els.empty.textContent = text;
  pane.els.empty.hidden = !text;
}

function closeStream(pane) {
  if (pane.source) {
    pane.source.close();
    pane.source = null;
  }
}

async function sync(pane) {
  const generation = pane.generation;
  clearTimeout(pane.retryTimer);
  try {
    const chat = await chatCall(pane, "GET", "messages", { query: viewerQuery(pane) });
    if (generation !== pane.generation) return;
    pane.messages.clear();
    for (const message of chat.messages) storeMessage(pane, pane.platform.message(message));
    pane.replyKeyboard = chat.reply_keyboard || null;
    pane.seq = chat.seq;
    render(pane, true);
    renderReplyKeyboard(pane);
    openStream(pane, chat.seq);
  } catch (error) {
    if (generation === pane.generation) scheduleRetry(pane);
  }
}

function scheduleRetry(pane) {
  closeStream(pane);
  const delay = Math.min(10000, 500 * 2 ** pane.retry);
  pane.retry += 1;
  setStatus(pane, "mất kết nối — đang kết nối lại…", "warn");
  clearTimeout(pane.retryTimer);
  pane.retryTimer = setTimeout(() => sync(pane), delay);
}

function openStream(pane, after) {
  closeStream(pane);
  const generation = pane.generation;
  const path = `/chats/${encodeURIComponent(pane.chatId)}/events`;
  const source = new EventSource(apiUrl(path, { ...viewerQuery(pane), after }, pane.platform.base));
  pane.source = source;
  source.addEventListener("open", () => {
    if (generation !== pane.generation) return;
    pane.retry = 0;
    if (pane.statusNote) setStatus(pane, "");
  });
  for (const kind of EVENT_KINDS) {
    source.addEventListener(kind, (event) => {
      if (generation !== pane.generation) return;
      handleEvent(pane, kind, JSON.parse(event.data));
    });
  }
  // On an error, re-read the chat and open a new stream rather than let the browser reconnect (which the
  // server would resume from Last-Event-ID): the re-read also brings the reply keyboard, and a restarted
  // sandbox's events may not follow the old ones.
  source.addEventListener("error", () => {
    if (generation === pane.generation) scheduleRetry(pane);
  });
}

function handleEvent(pane, kind, event) {
  pane.seq = Math.max(pane.seq, event.seq || 0);
  if (kind === "message" || kind === "edited") {
    const message = pane.platform.message(event.message);
    const fromBot = Boolean(message.from?.is_bot);
    if (fromBot) stopTyping(pane);
    const isNew = !pane.messages.has(message.message_id);
    if (storeMessage(pane, message)) render(pane);
    if (kind === "message" && pane.platform.buttons) scheduleKeyboardRefresh(pane);
    if (isNew && message.from?.id !== pane.userId && !paneVisible(pane)) {
      pane.unread += 1;
      renderBadge(pane);
    }
  } else if (kind === "deleted") {
    if (pane.messages.delete(event.message_id)) render(pane);
  } else if (kind === "callback_answer") {
    if (event.user_id === pane.userId) showAnswer(pane, event.callback_query_id, event);
  } else if (kind === "chat_action") {
    const botName = (pane.kind === "citizen" ? pane.platform.botName(pane.subject)
      : app.bots.find((bot) => bot.id === event.bot_id)?.first_name) || "Bot";
    setStatus(pane, `${botName} ${ACTIONS[event.action] || "đang hoạt động"}…`, "typing");
    clearTimeout(pane.typingTimer);
    pane.typingTimer = setTimeout(() => stopTyping(pane), TYPING_MS);
  }
}

function stopTyping(pane) {
  clearTimeout(pane.typingTimer);
  if (pane.els.status.dataset.kind === "typing") setStatus(pane, "");
}

// The reply keyboard is not part of chat events: re-read it after new messages.
function scheduleKeyboardRefresh(pane) {
  clearTimeout(pane.keyboardTimer);
  const generation = pane.generation;
  pane.keyboardTimer = setTimeout(async () => {
    try {
      const chat = await chatCall(pane, "GET", "messages", { query: viewerQuery(pane) });
      if (generation !== pane.generation) return;
      if (JSON.stringify(chat.reply_keyboard) !== JSON.stringify(pane.replyKeyboard)) {
        pane.replyKeyboard = chat.reply_keyboard;
        renderReplyKeyboard(pane);
      }
    } catch {
      /* the stream's error handling resynchronises */
    }
  }, 150);
}

// Remember a message (and the order it first arrived in); returns false when it is exactly what is
// shown already.
function storeMessage(pane, message) {
  const json = JSON.stringify(message);
  const known = pane.messages.get(message.message_id);
  if (known && known.json === json) return false;
  app.version += 1;
  const arrival = known ? known.arrival : (pane.arrivals += 1);
  pane.messages.set(message.message_id, { message, json, version: app.version, arrival });
  return true;
}

function chronological(pane) {
  const order = pane.platform.order;
  return [...pane.messages.values()].sort((a, b) => order(a.message) - order(b.message) || a.arrival - b.arrival);
}

function paneVisible(pane) {
  return WIDE.matches || app.tab === pane.kind;
}

function renderBadge(pane) {
  const badge = document.querySelector(`#tab-${pane.kind} .badge`);
  badge.hidden = !pane.unread;
  badge.textContent = pane.unread ? String(pane.unread) : "";
  if (pane.unread) badge.setAttribute("aria-label", `${pane.unread} tin nhắn mới`);
  else badge.removeAttribute("aria-label");
}

// ------------------------------------------------------------------------------------------ rendering

function render(pane, toBottom = false) {
  const list = pane.els.list;
  const stick = toBottom || pane.stick;
  const entries = chronological(pane);
  const kept = new Map();
  let previous = null;
  for (const item of groupItems(entries)) {
    const signature = `${pane.userId}|` + item.entries.map((e) => `${e.message.message_id}:${e.version}`).join(",");
    let node = pane.nodes.get(item.key);
    if (!node || node.signature !== signature) {
      const element = buildItem(item, pane.view);
      if (node) node.element.replaceWith(element);
      node = { signature, element };
    }
    kept.set(item.key, node);
    const expected = previous ? previous.nextSibling : list.firstChild;
    if (expected !== node.element) list.insertBefore(node.element, expected);
    previous = node.element;
  }
  for (const [key, node] of pane.nodes) if (!kept.has(key)) node.element.remove();
  pane.nodes = kept;
  showEmpty(pane, entries.length ? "" : pane.kind === "citizen"
    ? "Chưa có tin nhắn. Bấm /start để bắt đầu trò chuyện với bot."
    : "Chưa có tin nhắn trong nhóm.");
  if (stick) scrollToBottom(pane);
}

function renderReplyKeyboard(pane) {
  const box = pane.els.replyKeyboard;
  const keyboard = pane.replyKeyboard;
  box.replaceChildren();
  box.hidden = !keyboard?.keyboard?.length;
  pane.els.text.placeholder = keyboard?.input_field_placeholder || "Nhập tin nhắn…";
  if (!box.hidden) box.append(...buildReplyKeyboard(keyboard.keyboard, (button) => replyButton(pane, button)));
}

function replyButton(pane, button) {
  if (button.request_contact) {
    const phone = window.prompt("Số điện thoại chia sẻ cho bot:", "0912345678");
    if (phone) enqueue(pane, "gửi số điện thoại", () => sendJson(pane, "contact", { phone_number: phone.trim() }));
  } else if (button.request_location) {
    enqueue(pane, "gửi vị trí", () => sendJson(pane, "location", { latitude: 21.0285, longitude: 105.8542 }));
  } else {
    sendText(pane, button.text);
  }
}

// ------------------------------------------------------------------------------------------ acting

// Sends from one pane go out one after another, in the order they were made.
function enqueue(pane, what, task, onError) {
  const generation = pane.generation;
  pane.queue = pane.queue.then(async () => {
    if (generation !== pane.generation || pane.chatId === null) return;
    try {
      await task();
    } catch (error) {
      toast(`Không ${what} được: ${error.message}`, "error");
      if (onError) onError(error);
    }
  });
  return pane.queue;
}

function addSent(pane, message) {
  if (storeMessage(pane, message)) render(pane, true);
  scrollToBottom(pane);
}

async function sendJson(pane, route, fields) {
  const result = await chatCall(pane, "POST", route, { json: { ...viewerQuery(pane), ...fields } });
  addSent(pane, pane.platform.message(result.message));
}

function sendText(pane, text, onError) {
  return enqueue(pane, "gửi tin nhắn", () => sendJson(pane, "messages", { text }), onError);
}

function formFor(pane) {
  const form = new FormData();
  for (const [key, value] of Object.entries(viewerQuery(pane))) if (value !== null && value !== undefined) form.append(key, value);
  return form;
}

async function upload(pane, route, form) {
  const result = await chatCall(pane, "POST", route, { form });
  for (const message of result.messages || [result.message]) storeMessage(pane, pane.platform.message(message));
  render(pane, true);
}

// Images go as photos (on Telegram 2-10 at a time as an album, on Zalo one by one), anything else as
// documents (on Zalo, whose bots cannot receive files, as an "unsupported" message).
function sendFiles(pane, files) {
  const images = files.filter((file) => file.type.startsWith("image/"));
  const others = files.filter((file) => !file.type.startsWith("image/"));
  const albumMax = pane.platform.albumMax;
  for (let start = 0; start < images.length; start += albumMax) {
    const chunk = images.slice(start, start + albumMax);
    enqueue(pane, "gửi ảnh", async () => {
      setStatus(pane, chunk.length > 1 ? `đang gửi ${chunk.length} ảnh…` : "đang gửi ảnh…", "busy");
      const form = formFor(pane);
      for (const file of chunk) form.append("photo", file, file.name || "anh.jpg");
      try {
        await upload(pane, chunk.length > 1 ? "albums" : "photos", form);
      } finally {
        setStatus(pane, "");
      }
    });
  }
  if (others.length && pane.platform.documentsNote) toast(pane.platform.documentsNote, "warn");
  for (const file of others) {
    enqueue(pane, `gửi tệp ${file.name}`, async () => {
      setStatus(pane, "đang gửi tệp…", "busy");
      const form = formFor(pane);
      form.append("document", file, file.name || "tep");
      form.append("file_name", file.name || "tep");
      if (file.type) form.append("mime", file.type);
      try {
        await upload(pane, pane.platform.documents, form);
      } finally {
        setStatus(pane, "");
      }
    });
  }
}

async function press(pane, messageId, data, button) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    const result = await chatCall(pane, "POST", "callbacks", {
      json: { ...viewerQuery(pane), message_id: messageId, data, wait: PRESS_WAIT_SECONDS },
    });
    if (result.answer) showAnswer(pane, result.callback_query.id, result.answer);
    else toast("Bot chưa trả lời nút bấm này.", "warn");
  } catch (error) {
    toast(`Không bấm được nút: ${error.message}`, "error");
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

// A callback answer arrives both in the press's reply and on the stream: show it once.
function showAnswer(pane, queryId, answer) {
  if (pane.answered.has(queryId)) return;
  pane.answered.add(queryId);
  if (answer.text) toast(answer.text, answer.show_alert ? "alert" : "info");
}

// ------------------------------------------------------------------------------------------ page chrome

function selectTab(tab) {
  app.tab = tab;
  document.body.dataset.tab = tab;
  for (const button of document.querySelectorAll("[role=tab]")) {
    const selected = button.dataset.tab === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  const pane = app.panes[tab];
  pane.unread = 0;
  renderBadge(pane);
  if (pane.stick) scrollToBottom(pane);
}

function bindTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const button of tabs) {
    button.addEventListener("click", () => selectTab(button.dataset.tab));
    button.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const next = tabs[(tabs.indexOf(button) + 1) % tabs.length];
      selectTab(next.dataset.tab);
      next.focus();
    });
  }
  WIDE.addEventListener("change", () => {
    for (const pane of Object.values(app.panes)) {
      if (paneVisible(pane)) { pane.unread = 0; renderBadge(pane); }
    }
  });
}

function openLightbox(url) {
  const dialog = document.getElementById("lightbox");
  dialog.querySelector("img").src = url;
  dialog.querySelector(".original").href = url;
  dialog.showModal();
}

function bindDialogs() {
  const lightbox = document.getElementById("lightbox");
  lightbox.addEventListener("click", (event) => { if (event.target === lightbox) lightbox.close(); });
  lightbox.addEventListener("close", () => { lightbox.querySelector("img").removeAttribute("src"); });

  const dialog = document.getElementById("new-citizen");
  const name = document.getElementById("new-citizen-name");
  document.getElementById("add-citizen").addEventListener("click", () => {
    name.value = "";
    dialog.showModal();
  });
  dialog.querySelector("button[value=cancel]").addEventListener("click", () => dialog.close("cancel"));
  dialog.addEventListener("close", () => {
    const value = name.value.trim();
    if (dialog.returnValue === "ok" && value) addCitizen(value);
    dialog.returnValue = "";
  });

  document.getElementById("pick-citizen").addEventListener("change", (event) => choose("citizen", event.target.value));
  document.getElementById("pick-official").addEventListener("change", (event) => choose("official", event.target.value));
  document.getElementById("pick-group").addEventListener("change", (event) => {
    app.choices.official = null;
    choose("group", event.target.value);
  });
}

function init() {
  loadChoices();
  app.panes.citizen = buildPane("citizen");
  app.panes.group = buildPane("group");
  bindTabs();
  bindDialogs();
  selectTab(app.tab);
  refreshRegistry();
  window.addEventListener("focus", () => refreshRegistry());
}

init();
