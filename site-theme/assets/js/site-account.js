// Loaded on every page of a site with an account API: the header's "Log in" / "Account" link,
// the favorite buttons of pose and sequence pages, and (by importing practice-log.js) sending
// practices that are still queued.

import { isSignedIn, pageUrl, request, signInAgain } from './api.js';
import './practice-log.js';

const link = document.getElementById('account-link');
if (link && isSignedIn()) {
  link.textContent = 'Account';
  link.href = pageUrl('account/');
}

const row = document.querySelector('.favorite-row');
if (row) setUpFavorite(row);

async function setUpFavorite(row) {
  const button = row.querySelector('button[data-favorite]');
  const status = row.querySelector('.favorite-status');
  const [kind, slug] = button.dataset.favorite.split('/');
  let on = false;
  const show = (value) => {
    on = value;
    button.setAttribute('aria-pressed', String(on));
  };
  row.hidden = false;
  if (isSignedIn()) {
    try {
      const favorites = await request('GET', '/me/favorites');
      show(favorites[kind].includes(slug));
    } catch (e) {
      if (e.code !== 'signed_out') status.textContent = e.message;
    }
  }
  button.addEventListener('click', async () => {
    if (!isSignedIn()) {
      status.replaceChildren('Log in to keep your favorites. ');
      const login = document.createElement('a');
      login.href = `${pageUrl('account/login/')}?next=${encodeURIComponent(location.pathname)}`;
      login.textContent = 'Log in';
      status.append(login);
      return;
    }
    const want = !on;
    button.disabled = true;
    try {
      await request(want ? 'PUT' : 'DELETE', `/me/favorites/${kind}/${slug}`);
      show(want);
      status.textContent = want ? 'Added to your favorites.' : 'Removed from your favorites.';
    } catch (e) {
      if (e.code === 'signed_out') signInAgain();
      else status.textContent = e.message;
    } finally {
      button.disabled = false;
      button.focus();
    }
  });
}
