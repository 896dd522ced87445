// The account API client shared by every account module.
//
// Tokens: the access token (15 min) lives in this module's memory only, so no script can find
// it in storage. The refresh token must outlive a page, because every link is a new page load:
// with "remember me" it goes to localStorage (kept across browser restarts), otherwise to
// sessionStorage (kept while this tab is open, gone when it closes). Each page load therefore
// starts with one POST /auth/refresh when it needs the API; refreshes are serialised across tabs
// with a Web Lock, because presenting a rotated refresh token twice revokes its whole family.

const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="yogaflow-api"]');
const BASE = (meta?.content ?? '').replace(/\/+$/, '');
const KEY = 'yogaflow.refresh';
const OFFLINE = 'We cannot reach the account service right now. Check your connection and try again.';

let accessToken = null;
let refreshing = null;
let me = null;

/** An answer other than 2xx, or no answer at all (status 0, code "network"). */
export class ApiError extends Error {
  constructor(status, code, message, { fields = {}, retryAfter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

/** Whether this site was built with an account API (--api-url); without it, account UI stays hidden. */
export function isConfigured() {
  return BASE !== '';
}

function stored() {
  try {
    return localStorage.getItem(KEY) ?? sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function store(refreshToken, remember) {
  try {
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
    if (refreshToken) (remember ? localStorage : sessionStorage).setItem(KEY, refreshToken);
  } catch {
    // storage blocked: the session lasts as long as this page
  }
}

function remembered() {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}

/** True when this browser holds a session (it may still turn out expired on the next call). */
export function isSignedIn() {
  return isConfigured() && (accessToken !== null || stored() !== null);
}

/** Forgets every token and the cached profile (not the practice queue: see practice-log.js). */
export function clearSession() {
  accessToken = null;
  me = null;
  store(null);
}

/** A site page's URL, e.g. pageUrl('account/login/'), from the site root the layout names. */
export function pageUrl(path) {
  const root = document.querySelector('[data-site-root]')?.dataset.siteRoot ?? '/';
  return new URL(root + path, location.href).href;
}

/** Sends the reader to the login page, coming back here afterwards. */
export function signInAgain() {
  const next = location.pathname + location.search;
  location.assign(`${pageUrl('account/login/')}?next=${encodeURIComponent(next)}`);
}

async function call(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined && body !== null) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0, 'network', OFFLINE);
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (response.ok) return data;
  const error = data?.error ?? {};
  const retry = parseInt(response.headers.get('Retry-After') ?? '', 10);
  throw new ApiError(response.status, error.code ?? 'http_' + response.status,
    error.message ?? `The account service answered ${response.status}.`,
    { fields: error.fields ?? {}, retryAfter: Number.isFinite(retry) ? retry : null });
}

/** Trades the stored refresh token for a new pair; false when there is none or it was refused. */
async function refresh() {
  refreshing ??= (async () => {
    const run = async () => {
      const token = stored(); // read inside the lock: another tab may have rotated it
      if (!token) return false;
      const keep = remembered();
      try {
        const pair = await call('POST', '/auth/refresh', { refresh_token: token });
        accessToken = pair.access_token;
        store(pair.refresh_token, keep);
        return true;
      } catch (e) {
        if (e.status === 401) clearSession();
        else throw e; // offline: keep the token for later
        return false;
      }
    };
    return navigator.locks ? navigator.locks.request('yogaflow-refresh', run) : run();
  })().finally(() => { refreshing = null; });
  return refreshing;
}

/**
 * Calls the API: request('GET', '/me'), request('POST', '/me/sessions', body, { idempotencyKey }).
 * Signed calls carry the access token (refreshed first when this page has none); a 401 gets
 * exactly one refresh and retry, then an ApiError with code 'signed_out'. Resolves to the JSON
 * answer (null for 204); rejects with an ApiError carrying the API's message.
 */
export async function request(method, path, body = null, { idempotencyKey, auth = true } = {}) {
  if (!isConfigured()) throw new ApiError(0, 'not_configured', 'This site has no account service.');
  const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
  if (!auth) return call(method, path, body, headers);
  const signedOut = () => new ApiError(401, 'signed_out', 'Please log in again.');
  if (!accessToken && !(await refresh())) throw signedOut();
  try {
    return await call(method, path, body, { ...headers, Authorization: `Bearer ${accessToken}` });
  } catch (e) {
    if (e.status !== 401) throw e;
    accessToken = null;
    if (!(await refresh())) throw signedOut();
    try {
      return await call(method, path, body, { ...headers, Authorization: `Bearer ${accessToken}` });
    } catch (again) {
      if (again.status === 401) {
        clearSession();
        throw signedOut();
      }
      throw again;
    }
  }
}

/** Signs in; the refresh token is kept across browser restarts only if remember is true. */
export async function login(email, password, remember = false) {
  const pair = await call('POST', '/auth/login', { email, password });
  accessToken = pair.access_token;
  me = null;
  store(pair.refresh_token, remember);
}

/** Revokes the session on the server (access token and refresh family), then forgets it here. */
export async function logout() {
  try {
    if (!accessToken) await refresh();
    const token = stored(); // after any refresh: the current one names the family to revoke
    if (accessToken) await request('POST', '/auth/logout', token ? { refresh_token: token } : null);
  } catch {
    // already signed out, or offline: forgetting the tokens here is all that is left to do
  } finally {
    clearSession();
  }
}

/** The signed-in user's profile {id, email, display_name, …}, fetched once per page; null if signed out. */
export async function currentUser({ fresh = false } = {}) {
  if (!isSignedIn()) return null;
  if (fresh) me = null;
  me ??= request('GET', '/me').catch((e) => {
    me = null;
    if (e.code === 'signed_out') return null;
    throw e;
  });
  return me;
}
