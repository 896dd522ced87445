// The account settings page: display name, log out, delete the account (after a confirmation).

import { clearSession, currentUser, isSignedIn, logout, pageUrl, request, signInAgain } from './api.js';
import { busy, fieldError, say, showError } from './forms.js';
import { clearPending, flushQueue, pendingSessions } from './practice-log.js';

const root = document.getElementById('settings');
const nameForm = document.getElementById('name-form');
const name = nameForm.elements.display_name;

if (!isSignedIn()) signInAgain();
else {
  currentUser().then((user) => {
    if (!user) {
      signInAgain();
      return;
    }
    document.getElementById('settings-email').textContent = user.email;
    name.value = user.display_name ?? '';
    root.removeAttribute('aria-busy');
  }, (e) => say(nameForm, `Your account could not be loaded. ${e.message}`));
}

nameForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(nameForm, '');
  fieldError(name, '');
  await busy(nameForm, async () => {
    try {
      const user = await request('PATCH', '/me', { display_name: name.value.trim() });
      name.value = user?.display_name ?? name.value.trim();
      say(nameForm, 'Your name is saved.', 'status');
    } catch (e) {
      if (e.code === 'signed_out') signInAgain();
      else showError(nameForm, e, { display_name: '#settings-name' });
    }
  });
});

document.getElementById('logout-button').addEventListener('click', async () => {
  await flushQueue(); // a last try for practices still queued
  const left = pendingSessions().length;
  // Practices not logged yet would be lost: never without asking.
  if (left > 0 && !window.confirm(`${left === 1 ? 'A practice is' : `${left} practices are`} not logged yet: `
      + 'the server cannot be reached. Log out anyway and lose ' + (left === 1 ? 'it?' : 'them?'))) return;
  clearPending();
  await logout();
  location.assign(pageUrl(''));
});

const start = document.getElementById('delete-start');
const confirm = document.getElementById('delete-confirm');
const deleteForm = document.getElementById('delete-form');
const open = (yes) => {
  confirm.hidden = !yes;
  start.setAttribute('aria-expanded', String(yes));
  (yes ? document.getElementById('delete-confirm-title') : start).focus();
};
start.addEventListener('click', () => open(true));
document.getElementById('delete-cancel').addEventListener('click', () => open(false));
confirm.addEventListener('keydown', (e) => { if (e.key === 'Escape') open(false); });

deleteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const understood = document.getElementById('delete-understand');
  if (!understood.checked) {
    say(deleteForm, 'Tick the box to confirm that you want to delete your account.');
    understood.focus();
    return;
  }
  await busy(deleteForm, async () => {
    try {
      await request('DELETE', '/me');
    } catch (e) {
      if (e.code === 'signed_out') signInAgain();
      else showError(deleteForm, e);
      return;
    }
    clearPending();
    clearSession();
    location.assign(pageUrl(""));
  });
});
