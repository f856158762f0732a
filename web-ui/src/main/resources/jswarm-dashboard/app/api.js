// Calls to the manager API through the dashboard. State-changing calls carry the session's CSRF
// token; a 401 means the session ended, so the page goes back to the login.

let csrfToken = null;

export async function loadSession() {
  const res = await fetch('/auth/session', { credentials: 'same-origin' });
  if (res.status === 401) { toLogin(); throw new ApiError(401, 'not logged in'); }
  csrfToken = (await res.json()).csrfToken;
}

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

export function toLogin() {
  location.assign('/login');
}

export async function call(method, path, body, contentType = 'application/json') {
  const headers = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 401) { toLogin(); throw new ApiError(401, 'the session ended'); }
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!res.ok) {
    throw new ApiError(res.status, (json && json.error) || text || `HTTP ${res.status}`, json && json.field);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const del = (path) => call('DELETE', path);

export async function logout() {
  await fetch('/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken }, credentials: 'same-origin' });
  toLogin();
}

/** A state-changing call whose whole answer the caller reads (status and body), e.g. stack deploy. */
export async function send(method, path, body, contentType) {
  const res = await fetch(path, {
    method, body, credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrfToken, 'Content-Type': contentType },
  });
  if (res.status === 401) { toLogin(); throw new ApiError(401, 'the session ended'); }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: res.status, ok: res.ok, json, text };
}
