// The login page: remember me, and kind words for unverified addresses and locked accounts.

import { login, pageUrl } from './api.js';
import { busy, fieldError, humanWait, nextPath, say, showError } from './forms.js';
import { attachShowPassword } from './password.js';
import { flushQueue } from './practice-log.js';

const form = document.getElementById('login-form');
const email = form.elements.email;
const password = form.elements.password;
attachShowPassword(form);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(form, '');
  fieldError(email, email.value.trim() ? '' : 'Enter your email address.');
  fieldError(password, password.value ? '' : 'Enter your password.');
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  await busy(form, async () => {
    try {
      await login(email.value.trim(), password.value, form.elements.remember.checked);
    } catch (e) {
      if (e.code === 'email_not_verified') {
        e.message = 'Please confirm your email address first: open the link we emailed you. '
          + 'No email? Register again with the same address to get a new link.';
      } else if (e.code === 'account_locked' || e.status === 429) {
        e.message = `Too many attempts. For your safety, logging in is paused for ${humanWait(e.retryAfter)}. `
          + 'You can also reset your password, which unlocks it at once.';
      } else if (e.code === 'invalid_credentials') {
        e.message = 'That email and password do not match. Check both and try again.';
      }
      showError(form, e);
      return;
    }
    await flushQueue(); // practices done while signed out
    location.assign(nextPath(pageUrl('account/')));
  });
});
