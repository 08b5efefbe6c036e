// Calls to the sandbox's client API (/sandbox/api/): JSON or multipart in, the `result` out, errors thrown
// with the server's description.

const API = "/sandbox/api";

export function apiUrl(path, query = {}) {
  const url = new URL(API + path, window.location.origin);
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  return url;
}

export async function api(method, path, { query, json, form } = {}) {
  const init = { method, headers: {} };
  if (json) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;
  }
  const response = await fetch(apiUrl(path, query), init);
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`Máy chủ trả lỗi HTTP ${response.status}`);
  }
  if (!body.ok) throw new Error(body.description || `Máy chủ trả lỗi HTTP ${response.status}`);
  return body.result;
}
