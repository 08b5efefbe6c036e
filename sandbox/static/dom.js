// DOM and text helpers of the chat page: element building, the allowlist for the server's message HTML,
// names, times, sizes and toasts. Nothing here knows about chats or the API.

const ALLOWED_TAGS = new Set(["B", "STRONG", "I", "EM", "U", "INS", "S", "STRIKE", "DEL", "CODE", "PRE",
  "BLOCKQUOTE", "A", "SPAN", "BR"]);
export const SAFE_URL = /^(https?:|mailto:|tg:)/i;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

export function fullName(user) {
  return [user?.first_name, user?.last_name].filter(Boolean).join(" ") || "?";
}

export function initials(name) {
  const words = String(name || "?").replace(/[^\p{L}\p{N} ]/gu, " ").trim().split(/\s+/);
  return (words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] || "?").slice(0, 2)).toUpperCase();
}

export function timeOf(unix) {
  return new Date(unix * 1000).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });
}

export function sizeOf(bytes) {
  if (!bytes && bytes !== 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function toast(text, kind = "info") {
  const box = document.getElementById("toasts");
  const urgent = kind === "alert" || kind === "error";
  const note = el("div", { class: `toast ${kind}`, role: urgent ? "alert" : null, text });
  // Like Telegram's, a new notice replaces the previous ones; alerts and errors stay until they time out.
  if (!urgent) for (const old of box.querySelectorAll(".toast:not(.alert):not(.error)")) old.remove();
  box.append(note);
  setTimeout(() => note.remove(), urgent ? 7000 : 3500);
}

// Keep only known formatting tags from the server's HTML; links open in a new tab and must be http(s).
export function safeFragment(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const walk = (parent) => {
    for (const node of [...parent.childNodes]) {
      if (node.nodeType === Node.TEXT_NODE) continue;
      if (node.nodeType !== Node.ELEMENT_NODE || !ALLOWED_TAGS.has(node.tagName)) {
        node.replaceWith(document.createTextNode(node.textContent || ""));
        continue;
      }
      const href = node.getAttribute("href");
      const cls = node.getAttribute("class");
      for (const attr of [...node.attributes]) node.removeAttribute(attr.name);
      if (node.tagName === "A" && href && SAFE_URL.test(href)) {
        node.setAttribute("href", href);
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
      if (node.tagName === "SPAN" && cls && /^tg-[a-z-]+$/.test(cls)) {
        node.className = cls;
        if (cls === "tg-spoiler") {
          node.tabIndex = 0;
          node.title = "Nội dung ẩn — bấm để xem";
          node.addEventListener("click", () => node.classList.add("revealed"));
          node.addEventListener("keydown", (event) => {
            if (event.key === "Enter" || event.key === " ") node.classList.add("revealed");
          });
        }
      }
      walk(node);
    }
  };
  walk(template.content);
  return template.content;
}
