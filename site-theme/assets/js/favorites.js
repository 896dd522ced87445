// The favorites page: every favorite pose and sequence, each with a Remove button.

import { isSignedIn, request, signInAgain } from './api.js';
import { el, names } from './catalog.js';

const root = document.getElementById('favorites');
const status = document.getElementById('favorites-status');

if (!isSignedIn()) signInAgain();
else load();

async function load() {
  try {
    const [favorites, catalog] = await Promise.all([request('GET', '/me/favorites'), names(root.dataset.catalog)]);
    for (const kind of ['poses', 'sequences']) {
      const list = root.querySelector(`ul[data-kind="${kind}"]`);
      list.previousElementSibling.hidden = favorites[kind].length > 0;
      list.replaceChildren(...favorites[kind].map((slug) => {
        const item = kind === 'poses' ? catalog.pose(slug) : catalog.sequence(slug);
        const remove = el('button', { type: 'button', class: 'button button-secondary', text: 'Remove',
          'aria-label': `Remove ${item.name} from favorites` });
        remove.addEventListener('click', () => unfavorite(kind, slug, item.name, list));
        return el('li', {}, el('a', { href: item.url, text: item.name }), ' ', remove);
      }));
    }
    root.removeAttribute('aria-busy');
  } catch (e) {
    if (e.code === 'signed_out') signInAgain();
    else document.getElementById('favorites-message').textContent = `Your favorites could not be loaded. ${e.message}`;
  }
}

async function unfavorite(kind, slug, name, list) {
  try {
    await request('DELETE', `/me/favorites/${kind}/${slug}`);
    status.textContent = `Removed ${name} from your favorites.`;
    await load();
    list.closest('section').querySelector('h2').focus();
  } catch (e) {
    if (e.code === 'signed_out') signInAgain();
    else status.textContent = e.message;
  }
}
