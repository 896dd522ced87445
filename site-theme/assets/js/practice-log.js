// Logs finished practices to the account API, never twice and never lost.
//
// Every practice is first written to a queue in localStorage with its own Idempotency-Key, then
// sent. Sending again (after a failure, when the browser comes back online, on the next page
// load, after signing in, from two tabs at once) reuses the key, so the API stores it once.
// An item leaves the queue only when the API has it (201 or 200) or refuses it for good (4xx).

import { ApiError, isConfigured, isSignedIn, request } from './api.js';

export { isSignedIn };

const QUEUE = 'yogaflow.practice-queue';

function read() {
  try {
    const items = JSON.parse(localStorage.getItem(QUEUE) ?? '[]');
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}

function write(items) {
  try {
    if (items.length) localStorage.setItem(QUEUE, JSON.stringify(items));
    else localStorage.removeItem(QUEUE);
  } catch {
    // storage full or blocked: the practice is sent now or not at all
  }
}

function remove(key) {
  write(read().filter((item) => item.key !== key));
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Practices waiting to be logged, oldest first: [{key, sequence, duration_seconds, completed, started_at}]. */
export function pendingSessions() {
  return read();
}

/** Empties the queue (logout does, after a last flush, so the next person does not inherit it). */
export function clearPending() {
  write([]);
}

/** 'logged' or 'queued'; throws an ApiError the API gave for good (e.g. an unknown sequence). */
async function send(item) {
  const { key, ...body } = item;
  try {
    await request('POST', '/me/sessions', body, { idempotencyKey: key });
  } catch (e) {
    const permanent = e instanceof ApiError && e.status >= 400 && e.status < 500
      && e.code !== 'signed_out' && e.status !== 408 && e.status !== 429;
    if (!permanent) return e.code === 'signed_out' ? 'signed-out' : 'queued';
    remove(key);
    throw e;
  }
  remove(key);
  return 'logged';
}

/**
 * Records one finished (or stopped) practice:
 *   logSession({ sequence: 'morning-energizer', durationSeconds: 905, completed: true, startedAt: date })
 * resolves to { status: 'logged' } (the API has it), { status: 'queued' } (offline or the API is
 * unreachable: sent later) or { status: 'signed-out' } (kept until the visitor signs in).
 * Calling it again for the same practice (same sequence and startedAt) does not log it twice.
 */
export async function logSession({ sequence, durationSeconds, completed, startedAt = null, idempotencyKey = null }) {
  const start = startedAt === null ? null : new Date(startedAt);
  const item = {
    key: idempotencyKey ?? (start ? `practice-${sequence}-${start.getTime()}` : newKey()),
    sequence,
    duration_seconds: Math.max(1, Math.round(durationSeconds)),
    completed: Boolean(completed),
  };
  if (start) item.started_at = start.toISOString();
  // Stored before sending: a tab closed mid-request still has it.
  write([...read().filter((i) => i.key !== item.key), item]);
  if (!isConfigured() || !isSignedIn()) return { status: 'signed-out' };
  return { status: await send(item) };
}

let flushing = null;

/**
 * Sends every queued practice (one at a time, oldest first); resolves to how many the API now
 * has. Does nothing when signed out. Runs on load and on 'online' wherever this module is loaded.
 */
export function flushQueue() {
  flushing ??= (async () => {
    let logged = 0;
    if (!isConfigured() || !isSignedIn()) return 0;
    for (const item of read()) {
      try {
        const result = await send(item);
        if (result === 'logged') logged++;
        else break; // offline or signed out: the rest would fail the same way
      } catch (e) {
        console.info(`practice of ${item.sequence} not logged: ${e.message}`);
      }
    }
    return logged;
  })().finally(() => { flushing = null; });
  return flushing;
}

if (typeof window !== 'undefined' && isConfigured()) {
  window.addEventListener('online', () => { flushQueue(); });
  if (read().length) flushQueue();
}
