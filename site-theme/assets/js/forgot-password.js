// The forgot-password page: the answer is the same whether or not the address has an account.

import { request } from './api.js';
import { busy, fieldError, say, showError, showState } from './forms.js';

const form = document.getElementById('forgot-form');
const email = form.elements.email;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(form, '');
  fieldError(email, !email.value.trim() ? 'Enter your email address.'
    : email.validity.typeMismatch ? 'Enter an email address like name@example.org.' : '');
  if (email.getAttribute('aria-invalid')) {
    email.focus();
    return;
  }
  await busy(form, async () => {
    try {
      await request('POST', '/auth/forgot-password', { email: email.value.trim() }, { auth: false });
    } catch (e) {
      if (e.status === 429) e.message = 'You asked for several links already. Please wait a while, then check your email again.';
      showError(form, e, { email: '#forgot-email' });
      return;
    }
    document.querySelector('.sent-to').textContent = email.value.trim();
    showState('sent');
  });
});
