// Small helpers the account pages share: field errors tied to their inputs, a message region
// per form, busy buttons, and moving focus where a screen reader user needs it.

import { ApiError } from './api.js';

/** Shows (or, with '', clears) an input's error in its #<id>-error element; aria-invalid follows. */
export function fieldError(input, message) {
  const box = document.getElementById(`${input.id}-error`);
  if (box) box.textContent = message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** The form's message region (role=alert for errors, role=status for news). */
export function say(form, text, kind = 'error') {
  const box = form.querySelector('.form-message');
  box.className = `form-message ${kind}`;
  box.textContent = text;
}

/** Disables the form's submit button while a call runs; resolves to what fn resolves to. */
export async function busy(form, fn) {
  const button = form.querySelector('[type="submit"]');
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

/**
 * Puts an ApiError on the form: per-field messages from validation_failed next to their inputs
 * (fieldNames maps API field → input), the API's message in the form's region; focus goes to the
 * first bad field, or to the message.
 */
export function showError(form, error, fieldNames = {}) {
  let first = null;
  if (error instanceof ApiError) {
    for (const [field, message] of Object.entries(error.fields)) {
      const input = fieldNames[field] ? form.querySelector(fieldNames[field]) : null;
      if (input) {
        fieldError(input, message);
        first ??= input;
      }
    }
  }
  say(form, error.message || 'Something went wrong. Please try again.');
  (first ?? form.querySelector('.form-message')).focus();
}

/** Reveals one of the page's states (an element with [data-state]) and focuses its heading. */
export function showState(name) {
  for (const el of document.querySelectorAll('[data-state]')) el.hidden = el.dataset.state !== name;
  const shown = document.querySelector(`[data-state="${name}"]`);
  const heading = shown?.querySelector('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
  return shown;
}

/** "about 12 minutes" for a Retry-After in seconds. */
export function humanWait(seconds) {
  if (!seconds || seconds < 60) return 'a minute';
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}

/**
 * The same-site path to go back to after signing in (?next=), never another origin. The value is
 * resolved as the browser would resolve it (which ignores tabs and newlines, so "/\t/evil.example"
 * is another site) and kept only when it stays on this origin.
 */
export function nextPath(fallback) {
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/')) return fallback;
  const url = new URL(next, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : fallback;
}
