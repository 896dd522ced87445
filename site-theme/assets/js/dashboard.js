// The progress dashboard (/account/): totals, streaks, the 12-week chart and its table, recent
// sessions (each can be deleted), achievements and favorites.

import { currentUser, isSignedIn, request, signInAgain } from './api.js';
import { el, names } from './catalog.js';
import { day, weekChart } from './chart.js';
import { flushQueue, pendingSessions } from './practice-log.js';

const root = document.getElementById('dashboard');
const message = document.getElementById('dashboard-message');
const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const q = `?tz=${encodeURIComponent(tz)}`;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

if (!isSignedIn()) signInAgain();
else load().catch(fail);

function fail(e) {
  if (e.code === 'signed_out') {
    signInAgain();
    return;
  }
  root.removeAttribute('aria-busy');
  message.textContent = `Your progress could not be loaded. ${e.message}`;
}

async function load() {
  await flushQueue();
  const [user, progress, sessions, achievements, favorites, catalog] = await Promise.all([
    currentUser(), request('GET', `/me/progress${q}`), request('GET', '/me/sessions?limit=10'),
    request('GET', `/me/achievements${q}`), request('GET', '/me/favorites'), names(root.dataset.catalog)]);
  if (!user) {
    signInAgain();
    return;
  }
  document.getElementById('dashboard-greeting').textContent = `Welcome back${user.display_name ? `, ${user.display_name}` : ''}.`;
  showPending();
  showTotals(progress);
  showWeeks(progress.weeks);
  showSessions(sessions.items, catalog);
  showAchievements(achievements.items);
  showFavorites(favorites, catalog);
  root.removeAttribute('aria-busy');
}

function showPending() {
  const box = document.getElementById('dashboard-pending');
  const n = pendingSessions().length;
  box.hidden = n === 0;
  box.querySelector('span').textContent = `${plural(n, 'practice is', 'practices are')} waiting to be logged.`;
}

document.getElementById('dashboard-flush').addEventListener('click', async () => {
  const logged = await flushQueue();
  if (logged) {
    await load().catch(fail);
  } else {
    showPending();
    message.textContent = 'They could not be logged yet; we will keep trying.';
  }
});

function showTotals(p) {
  document.getElementById('stat-sessions').textContent = String(p.total_sessions);
  document.getElementById('stat-minutes').textContent = String(p.total_minutes);
  document.getElementById('stat-current').textContent = plural(p.current_streak_days, 'day', 'days');
  document.getElementById('stat-longest').textContent = plural(p.longest_streak_days, 'day', 'days');
}

function showWeeks(weeks) {
  document.getElementById('weeks-chart').replaceChildren(weekChart(weeks, 'Minutes of practice per week, last 12 weeks'));
  document.getElementById('weeks-table').replaceChildren(...weeks.map((w) =>
    el('tr', {}, el('th', { scope: 'row', text: day(w.week_start) }), el('td', { text: String(w.minutes) }))));
}

function showSessions(items, catalog) {
  const list = document.getElementById('recent-list');
  document.getElementById('recent-empty').hidden = items.length > 0;
  list.replaceChildren(...items.map((s) => {
    const seq = catalog.sequence(s.sequence);
    const minutes = Math.max(1, Math.round(s.duration_seconds / 60));
    const remove = el('button', { type: 'button', class: 'link-button', text: 'Delete',
      'aria-label': `Delete the session of ${seq.name} on ${when(s.started_at)}` });
    remove.addEventListener('click', () => deleteSession(s, seq.name, remove));
    return el('li', { class: 'session' },
      el('a', { href: seq.url, text: seq.name }), ' ',
      el('span', { class: 'meta-text', text: `${when(s.started_at)} · ${minutes} min${s.completed ? ' · completed' : ''}` }),
      ' ', remove);
  }));
}

async function deleteSession(session, name, button) {
  const status = document.getElementById('recent-status');
  button.disabled = true;
  try {
    await request('DELETE', `/me/sessions/${session.id}`);
    status.textContent = `Deleted the session of ${name}.`;
    await load();
    document.getElementById('recent-title').focus();
  } catch (e) {
    button.disabled = false;
    if (e.code === 'signed_out') signInAgain();
    else status.textContent = e.message;
  }
}

function showAchievements(items) {
  document.getElementById('achievements-list').replaceChildren(...items.map((a) => el('li',
    { class: a.earned_at ? 'earned' : 'locked' },
    el('span', { class: 'achievement-title', text: a.title }), ' ',
    el('span', { class: 'meta-text', text: a.earned_at ? `earned ${when(a.earned_at)}` : 'not yet' }))));
}

function showFavorites(favorites, catalog) {
  const items = [...favorites.poses.map((s) => ['Pose', catalog.pose(s)]),
    ...favorites.sequences.map((s) => ['Sequence', catalog.sequence(s)])];
  document.getElementById('favorites-empty').hidden = items.length > 0;
  document.getElementById('favorites-list').replaceChildren(...items.map(([kind, item]) =>
    el('li', {}, el('a', { href: item.url, text: item.name }), ' ', el('span', { class: 'meta-text', text: kind }))));
}
