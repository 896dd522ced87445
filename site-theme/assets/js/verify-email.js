// The landing page of the confirmation email: ?token=… is sent once to the API.

import { request } from './api.js';
import { showState } from './forms.js';

const token = new URLSearchParams(location.search).get('token');
// The token should not stay in the address bar or the history.
history.replaceState(null, '', location.pathname);
if (!token) {
  showState('invalid');
} else {
  try {
    await request('POST', '/auth/verify-email', { token }, { auth: false });
    showState('done');
  } catch (e) {
    if (e.code === 'invalid_token' || e.status === 400) {
      showState('invalid');
    } else {
      const box = showState('error');
      box.querySelector('.error-text').textContent = e.message;
      // "Try again" reloads with the token it came with.
      box.querySelector('a').href = `?token=${encodeURIComponent(token)}`;
    }
  }
}
