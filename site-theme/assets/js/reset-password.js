// The landing page of the reset email: a new password for ?token=….

import { clearSession, request } from './api.js';
import { busy, fieldError, say, showError, showState } from './forms.js';
import { attachMeter, attachShowPassword, lengthError } from './password.js';

const token = new URLSearchParams(location.search).get('token');
history.replaceState(null, '', location.pathname); // keep the token out of the history
const form = document.getElementById('reset-form');
const password = form.elements.password;
attachMeter(password);
attachShowPassword(form);
if (!token) showState('invalid');

password.addEventListener('input', () => { if (password.getAttribute('aria-invalid')) fieldError(password, lengthError(password.value)); });

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(form, '');
  fieldError(password, lengthError(password.value));
  if (password.getAttribute('aria-invalid')) {
    password.focus();
    return;
  }
  await busy(form, async () => {
    try {
      await request('POST', '/auth/reset-password', { token, password: password.value }, { auth: false });
    } catch (e) {
      if (e.code === 'invalid_token') {
        showState('invalid');
        return;
      }
      showError(form, e, { password: '#reset-password' });
      return;
    }
    clearSession(); // the server signed every session out
    showState('done');
  });
});
