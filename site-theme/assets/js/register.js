// The register page: checks as you go, a strength hint, then "check your email".

import { request } from './api.js';
import { busy, fieldError, say, showError, showState } from './forms.js';
import { attachMeter, attachShowPassword, lengthError } from './password.js';

const form = document.getElementById('register-form');
const { email, password, display_name: name } = form.elements;
attachMeter(password, email);
attachShowPassword(form);

const checks = {
  email: () => fieldError(email, !email.value.trim() ? 'Enter your email address.'
    : email.validity.typeMismatch ? 'Enter an email address like name@example.org.' : ''),
  password: () => fieldError(password, lengthError(password.value)
    || (email.value && password.value.toLowerCase().includes(email.value.trim().toLowerCase())
      ? 'Do not use your email address as your password.' : '')),
};
// Errors appear when a field is left, and clear as soon as it is fixed.
for (const [field, check] of Object.entries(checks)) {
  const input = form.elements[field];
  input.addEventListener('blur', () => { if (input.value) check(); });
  input.addEventListener('input', () => { if (input.getAttribute('aria-invalid')) check(); });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(form, '');
  Object.values(checks).forEach((check) => check());
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) {
    say(form, 'Please fix the highlighted fields.');
    invalid.focus();
    return;
  }
  await busy(form, async () => {
    const body = { email: email.value.trim(), password: password.value };
    if (name.value.trim()) body.display_name = name.value.trim();
    try {
      await request('POST', '/auth/register', body, { auth: false });
    } catch (e) {
      showError(form, e, { email: '#register-email', password: '#register-password', display_name: '#register-name' });
      return;
    }
    document.querySelector('.sent-to').textContent = body.email;
    form.reset();
    showState('sent');
  });
});
