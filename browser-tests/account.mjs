// Browser tests of the account pages, in Debian's headless Chromium driven by playwright-core,
// against a real account API and a real built site:
//   node account.mjs SITE_URL API_URL OUTBOX_DIR READ_ONLY_SITE_URL SCREENSHOT_DIR
// Run by the Java test AccountBrowserTest, which starts the API (SQLite in a temporary folder,
// emails to OUTBOX_DIR), builds the site twice (with and without --api-url) and serves both.
// Each test gets a fresh browser context (its own storage); any console error, page error, CSP
// violation or failed request fails it. Prints one line per test and "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { Check, Results, axe, check, equal, failureScreenshot, launch, recordProblems, reportCsp, skipped } from './lib.mjs';

const [site, api, outbox, readOnly, shots] = process.argv.slice(2);
const PASSWORD = 'quiet lake morning stretch 42';
const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };
fs.mkdirSync(shots, { recursive: true });

const browser = await launch();

// ---------------------------------------------------------------- helpers

const url = (p, base = site) => new URL(p, base).href;
let counter = 0;
const newEmail = () => `yogi${Date.now() % 1e7}-${++counter}@example.org`;

/** A fresh context (own storage) whose pages record every problem; `allow` lists expected ones. */
async function newContext(viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  context.problems = [];
  context.allow = [];
  await reportCsp(context);
  // The API's 4xx answers are expected in some tests; they pass through context.allow.
  const add = (text) => { if (!context.allow.some((a) => text.includes(a))) context.problems.push(text); };
  context.on('page', (page) => recordProblems(page, add));
  return context;
}

async function open(context, p, base = site) {
  const page = await context.newPage();
  await page.goto(url(p, base));
  await page.waitForLoadState('networkidle');
  return page;
}

/** axe at both sizes, a screenshot at each, and no horizontal scrolling on the phone. */
async function audit(page, name) {
  for (const [size, viewport] of [['375', PHONE], ['1280', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await axe(page, `${name} at ${size} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `${name} at ${size} px scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: path.join(shots, `${name}-${size}.png`), fullPage: true });
  }
}

async function apiCall(method, p, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${api}${p}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function apiLogin(email, password = PASSWORD) {
  const r = await apiCall('POST', '/auth/login', { body: { email, password } });
  equal(r.status, 200, `API login of ${email}`);
  return r.json.access_token;
}

/** The newest email to `to` whose subject contains `subject`, waiting for the mail thread. */
async function mail(to, subject) {
  for (let i = 0; i < 100; i++) {
    const found = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort()
      .map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'))
      .filter((m) => m.includes(`To: ${to}`) && m.includes(subject)) : [];
    if (found.length) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Check(`no email "${subject}" to ${to} in ${outbox}`);
}

function link(message, page) {
  const m = message.match(new RegExp(`https?://\\S+/account/${page}/\\?token=[A-Za-z0-9_-]+`));
  check(m, `no ${page} link in:\n${message}`);
  check(m[0].startsWith(site), `the link ${m[0]} points at the site ${site}`);
  return m[0];
}

/** Registers through the page, confirms through the emailed link; returns the email. */
async function registerAndVerify(context, { name = 'Asha' } = {}) {
  const email = newEmail();
  const page = await open(context, 'account/register/');
  await page.fill('#register-email', email);
  await page.fill('#register-name', name);
  await page.fill('#register-password', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-state="sent"]:not([hidden])');
  await page.goto(link(await mail(email, 'Confirm'), 'verify-email'));
  await page.waitForSelector('[data-state="done"]:not([hidden])');
  await page.close();
  return email;
}

// Remembered by default, because these tests open pages in new tabs: a session that is not
// remembered lives in its tab only (see the remember-me test).
async function login(context, email, { remember = true, password = PASSWORD } = {}) {
  const page = await open(context, 'account/login/');
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  if (remember) await page.check('#login-remember');
  await Promise.all([page.waitForURL(url('account/')), page.click('button[type="submit"]')]);
  await page.waitForSelector('#dashboard:not([aria-busy])');
  return page;
}

/** practice-log.js, imported in the page the way the player does. */
async function logSession(page, session) {
  return page.evaluate(async (s) => {
    const src = document.querySelector('script[src*="/site-account.js"]').src.replace('site-account.js', 'practice-log.js');
    const log = await import(src);
    return log.logSession({ ...s, startedAt: new Date(s.startedAt) });
  }, session);
}

async function pending(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('yogaflow.practice-queue') ?? '[]').length);
}

const navText = (page) => page.textContent('#account-link');

/** Expected API answers of these statuses: neither the response nor Chrome's console line fails the test. */
function allowStatus(context, ...codes) {
  for (const code of codes) context.allow.push(`HTTP ${code}: `, `status of ${code} `);
}

// ---------------------------------------------------------------- tests

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('the whole journey: register, verify, log in, favorite, practise, dashboard, log out', async (context) => {
  // Registration: inline validation and the strength hint, then "check your email".
  const email = newEmail();
  const reg = await open(context, 'account/register/');
  equal(await navText(reg), 'Log in', 'header link when signed out');
  await reg.fill('#register-email', 'not-an-email');
  await reg.fill('#register-password', 'short');
  await reg.focus('#register-name');
  equal(await reg.getAttribute('#register-email', 'aria-invalid'), 'true', 'bad email flagged on blur');
  await reg.click('button[type="submit"]');
  check((await reg.textContent('#register-password-error')).includes('at least 12 characters'), 'short password explained');
  equal(await reg.evaluate(() => document.activeElement.id), 'register-email', 'focus on the first bad field');
  check((await reg.textContent('#register-password-strength')).startsWith('Too short'), 'meter says too short');
  await reg.fill('#register-email', email);
  await reg.fill('#register-name', 'Asha');
  await reg.fill('#register-password', PASSWORD);
  check(Number(await reg.getAttribute('#register-password-meter', 'value')) >= 3, 'a four-word password is good');
  await audit(reg, 'register');
  await reg.click('button[type="submit"]');
  await reg.waitForSelector('[data-state="sent"]:not([hidden])');
  equal(await reg.textContent('.sent-to'), email, 'says where the email went');
  equal(await reg.evaluate(() => document.activeElement.textContent), 'Check your email', 'focus on the new heading');
  await audit(reg, 'register-sent');

  // Logging in before confirming is refused kindly.
  allowStatus(context, 403);
  const early = await open(context, 'account/login/');
  await early.fill('#login-email', email);
  await early.fill('#login-password', PASSWORD);
  await early.click('button[type="submit"]');
  await early.waitForSelector('#login-form .form-message:not(:empty)');
  check((await early.textContent('#login-form .form-message')).includes('confirm your email'), 'unverified message');

  // The emailed link confirms the address.
  const verify = await open(context, new URL(link(await mail(email, 'Confirm'), 'verify-email')).pathname
    + new URL(link(await mail(email, 'Confirm'), 'verify-email')).search);
  await verify.waitForSelector('[data-state="done"]:not([hidden])');
  check(!verify.url().includes('token='), 'the token left the address bar');
  await audit(verify, 'verify-email-done');

  // Log in; the header link becomes "Account".
  const dash = await login(context, email);
  equal(await navText(dash), 'Account', 'header link when signed in');
  check((await dash.textContent('#dashboard-greeting')).includes('Asha'), 'greets by name');
  equal(await dash.textContent('#stat-sessions'), '0', 'no sessions yet');

  // Favorite a pose and a sequence from their pages.
  const pose = await open(context, 'poses/tree/');
  const button = pose.locator('.favorite-row button[data-favorite="poses/tree"]');
  await button.waitFor();
  equal(await button.getAttribute('aria-pressed'), 'false', 'not a favorite yet');
  await button.click();
  await pose.waitForSelector('.favorite-row button[aria-pressed="true"]');
  check((await pose.textContent('.favorite-status')).includes('Added'), 'announced');
  await audit(pose, 'pose-favorite');
  const seq = await open(context, 'sequences/morning-energizer/');
  await seq.click('.favorite-row button');
  await seq.waitForSelector('.favorite-row button[aria-pressed="true"]');
  const token = await apiLogin(email);
  equal((await apiCall('GET', '/me/favorites', { token })).json, { poses: ['tree'], sequences: ['morning-energizer'] }, 'favorites stored');
  await pose.reload();
  await pose.waitForSelector('.favorite-row button[aria-pressed="true"]');

  // Practise: the player's call, twice for the same practice (a retried network call).
  const started = new Date(Date.now() - 16 * 60000).toISOString();
  const first = await logSession(pose, { sequence: 'morning-energizer', durationSeconds: 905, completed: true, startedAt: started });
  equal(first, { status: 'logged' }, 'logged');
  const again = await logSession(pose, { sequence: 'morning-energizer', durationSeconds: 905, completed: true, startedAt: started });
  equal(again, { status: 'logged' }, 'logged again (same key)');
  const sessions = (await apiCall('GET', '/me/sessions', { token })).json.items;
  equal(sessions.length, 1, 'one session for one practice');
  // The practice player (600 times faster) logs its practice through practice-log.js too.
  const player = await open(context, 'sequences/morning-energizer/?speed=600');
  await player.click('#player-open');
  await player.waitForFunction(() => document.getElementById('player-log')?.textContent === 'Logged ✓', null, { timeout: 30000 });
  const logged = (await apiCall('GET', '/me/sessions', { token })).json.items;
  equal(logged.map((s) => [s.sequence, s.completed]), [['morning-energizer', true], ['morning-energizer', true]], 'the player logged it');
  await player.close();

  // The dashboard shows it.
  await dash.reload();
  await dash.waitForSelector('#dashboard:not([aria-busy])');
  equal(await dash.textContent('#stat-sessions'), '2', 'two sessions');
  equal(await dash.textContent('#stat-minutes'), '30', '2 × 15 min 5 s');
  equal(await dash.textContent('#stat-current'), '1 day', 'current streak');
  equal(await dash.textContent('#stat-longest'), '1 day', 'longest streak');
  equal(await dash.locator('#weeks-table tr').count(), 12, 'a table row per week');
  equal(await dash.locator('#weeks-table tr:last-child td').textContent(), '30', 'this week has 30 minutes');
  equal(await dash.locator('#weeks-chart svg[role="img"] rect.bar').count(), 12, 'twelve bars');
  check((await dash.textContent('#recent-list')).includes('Morning Energizer'), 'the recent session by name');
  check((await dash.textContent('#favorites-list')).includes('Tree Pose'), 'the favorite pose by name');
  check(await dash.locator('#achievements-list li.earned').count() >= 1, 'first achievement earned');
  check(/earned/.test(await dash.textContent('#achievements-list li.earned')), 'with its date');
  await dash.click('.chart-table summary');
  await audit(dash, 'dashboard');

  // Popularity: the favorited pose and the practised sequence come first.
  const library = await open(context, 'poses/?sort=popularity');
  await library.waitForFunction(() => !document.querySelector('#library-sort option[value="popularity"]').hidden);
  equal(await library.inputValue('#library-sort'), 'popularity', 'sort restored from the URL');
  await library.waitForFunction(() => document.querySelector('#library-list .card a')?.getAttribute('href').includes('/tree/'));
  await library.click('#library-tab-sequences');
  await library.waitForFunction(() => document.querySelector('#library-sequences a')?.getAttribute('href').includes('/morning-energizer/'));

  // The favorites page, then log out.
  const favs = await open(context, 'account/favorites/');
  await favs.waitForSelector('#favorites:not([aria-busy])');
  equal(await favs.locator('ul[data-kind="poses"] li a').allTextContents(), ['Tree Pose'], 'favorite poses');
  await audit(favs, 'favorites');
  const settings = await open(context, 'account/settings/');
  await settings.waitForSelector('#settings:not([aria-busy])');
  equal(await settings.textContent('#settings-email'), email, 'email shown');
  await settings.fill('#settings-name', 'Asha K.');
  await settings.click('#name-form button[type="submit"]');
  await settings.waitForSelector('#name-form .form-message.status:not(:empty)');
  equal((await apiCall('GET', '/me', { token })).json.display_name, 'Asha K.', 'name saved');
  await audit(settings, 'settings');
  // Each page holds its own access token (memory only); the one logging out is revoked.
  const used = [];
  settings.on('request', (r) => { const a = r.headers().authorization; if (a) used.push(a.slice(7)); });
  await settings.reload();
  await settings.waitForSelector('#settings:not([aria-busy])');
  const old = used[used.length - 1];
  check(old, 'saw the page use an access token');
  equal((await apiCall('GET', '/me', { token: old })).status, 200, 'the page token works before logout');
  await Promise.all([settings.waitForURL(url('')), settings.click('#logout-button')]);
  equal(await navText(settings), 'Log in', 'signed out');
  equal((await apiCall('GET', '/me', { token: old })).status, 401, 'the old access token is refused after logout');
  equal(await settings.evaluate(() => [localStorage.getItem('yogaflow.refresh'), sessionStorage.getItem('yogaflow.refresh')]),
    [null, null], 'no token left in storage');
  // A signed-out visit to the dashboard goes to the login page and back after it.
  const back = await context.newPage();
  await back.goto(url('account/'));
  await back.waitForURL(/account\/login\/\?next=/);
  await back.fill('#login-email', email);
  await back.fill('#login-password', PASSWORD);
  await Promise.all([back.waitForURL(url('account/')), back.click('button[type="submit"]')]);
});

test('offline: a practice is queued, then logged exactly once when back online', async (context) => {
  const email = await registerAndVerify(context);
  const page = await login(context, email);
  const token = await apiLogin(email);
  context.allow.push('net::ERR_INTERNET_DISCONNECTED', 'Failed to load resource');
  await context.setOffline(true);
  const result = await logSession(page, { sequence: 'back-pain-relief', durationSeconds: 600, completed: false,
    startedAt: new Date(Date.now() - 11 * 60000).toISOString() });
  equal(result, { status: 'queued' }, 'queued while offline');
  equal(await pending(page), 1, 'one practice waiting');
  await context.setOffline(false); // the page's 'online' event sends it
  await page.waitForFunction(() => !localStorage.getItem('yogaflow.practice-queue'), null, { timeout: 10000 });
  // Another page load and a manual flush find nothing more to send.
  await page.reload();
  await page.waitForSelector('#dashboard:not([aria-busy])');
  equal(await page.textContent('#stat-sessions'), '1', 'the dashboard counts it once');
  const items = (await apiCall('GET', '/me/sessions', { token })).json.items;
  equal(items.map((s) => [s.sequence, s.duration_seconds, s.completed]), [['back-pain-relief', 600, false]], 'logged exactly once');
});

test('a failed send stays queued; a reload sends it once; a visitor logs after signing in', async (context) => {
  const email = await registerAndVerify(context);
  const page = await login(context, email);
  const token = await apiLogin(email);
  // The API fails once with a 503 after storing nothing: the item stays.
  allowStatus(context, 503);
  let failed = 0;
  await page.route(`${api}/me/sessions`, (route) => (failed++ === 0
    ? route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': new URL(site).origin },
      body: '{"error":{"code":"busy","message":"Busy, retry."}}' })
    : route.continue()));
  const r = await logSession(page, { sequence: 'morning-energizer', durationSeconds: 300, completed: false, startedAt: Date.now() - 400000 });
  equal(r, { status: 'queued' }, 'queued after a 503');
  await page.unroute(`${api}/me/sessions`);
  await page.goto(url('poses/'));
  await page.waitForFunction(() => !localStorage.getItem('yogaflow.practice-queue'), null, { timeout: 10000 });
  equal((await apiCall('GET', '/me/sessions', { token })).json.items.length, 1, 'sent on the next page load, once');

  // A visitor (another browser) practises, then logs in: the practice is logged to the account.
  const visitor = await newContext();
  try {
    const seq = await open(visitor, 'sequences/morning-energizer/');
    const v = await logSession(seq, { sequence: 'morning-energizer', durationSeconds: 905, completed: true, startedAt: Date.now() - 1000000 });
    equal(v, { status: 'signed-out' }, 'a visitor is signed out');
    equal(await pending(seq), 1, 'kept for later');
    await seq.click('.favorite-row button');
    check((await seq.textContent('.favorite-status')).includes('Log in'), 'favorite invites to log in');
    await login(visitor, email);
    equal((await apiCall('GET', '/me/sessions', { token })).json.items.length, 2, 'logged after signing in');
    check(visitor.problems.length === 0, `visitor problems: ${visitor.problems.join('\n')}`);
  } finally {
    await visitor.close();
  }
});

test('remember me keeps the session across tabs and restarts; without it, only this tab', async (context) => {
  const email = await registerAndVerify(context);
  const page = await login(context, email, { remember: false });
  equal(await page.evaluate(() => [localStorage.getItem('yogaflow.refresh') === null, sessionStorage.getItem('yogaflow.refresh') !== null]),
    [true, true], 'not remembered: the refresh token is in this tab only');
  const otherTab = await open(context, 'account/settings/');
  await otherTab.waitForURL(/account\/login\//);
  equal(await navText(otherTab), 'Log in', 'another tab is signed out');

  const remembered = await login(context, email, { remember: true });
  equal(await remembered.evaluate(() => [localStorage.getItem('yogaflow.refresh') !== null, sessionStorage.getItem('yogaflow.refresh')]),
    [true, null], 'remembered: in localStorage');
  const tab = await open(context, 'account/settings/');
  await tab.waitForSelector('#settings:not([aria-busy])');
  equal(await tab.textContent('#settings-email'), email, 'another tab is signed in');
  // A browser restart: a new context with the same storage.
  const state = await context.storageState();
  const restarted = await newContext(DESKTOP, { storageState: state });
  try {
    const again = await open(restarted, 'account/');
    await again.waitForSelector('#dashboard:not([aria-busy])');
    equal(await navText(again), 'Account', 'still signed in after a restart');
    check(restarted.problems.length === 0, `problems: ${restarted.problems.join('\n')}`);
  } finally {
    await restarted.close();
  }
});

test('locked account, forgot and reset password, delete account', async (context) => {
  const email = await registerAndVerify(context);
  allowStatus(context, 400, 401, 429); // wrong passwords, the lock, the used reset link
  const page = await open(context, 'account/login/');
  for (let i = 0; i < 6; i++) {
    await page.fill('#login-email', email);
    await page.fill('#login-password', `wrong password number ${i}`);
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => !document.querySelector('#login-form').hasAttribute('aria-busy'));
  }
  const text = await page.textContent('#login-form .form-message');
  check(/paused for about 1\d minutes/.test(text), `lockout explained with the wait: ${text}`);
  equal(await page.evaluate(() => document.activeElement.className), 'form-message error', 'focus on the message');
  await audit(page, 'login-locked');

  const forgot = await open(context, 'account/forgot-password/');
  await audit(forgot, 'forgot-password');
  await forgot.fill('#forgot-email', email);
  await forgot.click('button[type="submit"]');
  await forgot.waitForSelector('[data-state="sent"]:not([hidden])');
  const resetLink = link(await mail(email, 'Reset'), 'reset-password');
  const reset = await context.newPage();
  await reset.goto(resetLink);
  await reset.fill('#reset-password', 'short');
  await reset.click('button[type="submit"]');
  check((await reset.textContent('#reset-password-error')).includes('12'), 'short new password refused');
  await audit(reset, 'reset-password');
  const newPassword = 'river stones under autumn light';
  await reset.fill('#reset-password', newPassword);
  await reset.click('button[type="submit"]');
  await reset.waitForSelector('[data-state="done"]:not([hidden])');
  await reset.goto(resetLink); // used once: now expired
  await reset.fill('#reset-password', 'another long enough password');
  await reset.click('button[type="submit"]');
  await reset.waitForSelector('[data-state="invalid"]:not([hidden])');

  const dash = await login(context, email, { password: newPassword }); // the reset lifted the lock
  const settings = await open(context, 'account/settings/');
  await settings.waitForSelector('#settings:not([aria-busy])');
  await settings.click('#delete-start');
  equal(await settings.evaluate(() => document.activeElement.id), 'delete-confirm-title', 'focus on the confirmation');
  await settings.click('#delete-form button[type="submit"]');
  check((await settings.textContent('#delete-form .form-message')).includes('Tick the box'), 'needs the box ticked');
  await audit(settings, 'settings-delete');
  await settings.keyboard.press('Escape');
  equal(await settings.evaluate(() => document.activeElement.id), 'delete-start', 'Escape closes, focus back');
  await settings.click('#delete-start');
  await settings.check('#delete-understand');
  await Promise.all([settings.waitForURL(url('')), settings.click('#delete-form button[type="submit"]')]);
  equal((await apiCall('POST', '/auth/login', { body: { email, password: newPassword } })).status, 401, 'the account is gone');
  await dash.close();
});

test('?next= after logging in stays on this site, however it is spelled', async (context) => {
  const email = await registerAndVerify(context);
  // Were a redirect to leave the site, it would land on this stand-in rather than a DNS error.
  await context.route((u) => u.hostname === 'evil.example', (route) => route.fulfill({ contentType: 'text/html', body: 'evil' }));
  const origin = new URL(site).origin;
  const landing = async (next) => {
    const page = await open(context, `account/login/?next=${next}`);
    await page.fill('#login-email', email);
    await page.fill('#login-password', PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/account/login/')), page.click('button[type="submit"]')]);
    const landed = page.url();
    await page.close();
    return landed;
  };
  // A tab is dropped when the browser resolves a URL: "/\t/evil.example/x" is "//evil.example/x".
  for (const next of ['/%09/evil.example/x', '//evil.example/', 'https://evil.example/']) {
    const landed = await landing(next);
    equal(new URL(landed).origin, origin, `?next=${next} stays on the site (landed on ${landed})`);
    equal(landed, url('account/'), `?next=${next} falls back to the dashboard`);
  }
  equal(await landing(encodeURIComponent('/poses/tree/?q=1#x')), url('poses/tree/?q=1#x'), 'a path on the site, with its query and fragment');
});

test('logging out with practices still queued asks first', async (context) => {
  const email = await registerAndVerify(context);
  const dash = await login(context, email);
  const token = await apiLogin(email);
  const settings = await open(context, 'account/settings/');
  await settings.waitForSelector('#settings:not([aria-busy])');
  context.allow.push('net::ERR_INTERNET_DISCONNECTED', 'Failed to load resource', 'net::ERR_FAILED', `request failed: ${api}/me/sessions`);
  await context.setOffline(true);
  equal(await logSession(settings, { sequence: 'back-pain-relief', durationSeconds: 600, completed: true,
    startedAt: new Date(Date.now() - 11 * 60000).toISOString() }), { status: 'queued' }, 'queued while offline');
  const asked = (answer) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Check('Log out did not ask (no dialog within 10 s)')), 10000);
    settings.once('dialog', (d) => {
      clearTimeout(timer);
      resolve([d.type(), d.message()]);
      if (answer) d.accept(); else d.dismiss();
    });
  });

  // Cancel: still signed in, the practice still queued.
  const cancelled = asked(false);
  await settings.click('#logout-button');
  const [type, message] = await cancelled;
  equal(type, 'confirm', 'a confirm dialog');
  check(message.includes('not logged yet'), `says what would be lost: ${message}`);
  await settings.waitForTimeout(300); // time for a wrong navigation to start
  equal(new URL(settings.url()).pathname, '/account/settings/', 'stays on the settings page');
  equal(await pending(settings), 1, 'the practice is still queued');
  check(await settings.evaluate(() => localStorage.getItem('yogaflow.refresh') !== null), 'still signed in');
  equal((await apiCall('GET', '/me/sessions', { token })).json.items.length, 0, 'nothing logged');

  // Back online but the API still unreachable for practices (from every page: the dashboard, open
  // too, would send it when the browser comes online): asked again, and yes logs out.
  await context.route(`${api}/me/sessions`, (route) => route.abort());
  await context.setOffline(false);
  const accepted = asked(true);
  await Promise.all([settings.waitForURL(url('')), settings.click('#logout-button')]);
  await accepted;
  equal(await navText(settings), 'Log in', 'signed out');
  equal(await pending(settings), 0, 'the queue is cleared');
  equal(await settings.evaluate(() => [localStorage.getItem('yogaflow.refresh'), sessionStorage.getItem('yogaflow.refresh')]),
    [null, null], 'no token left in storage');
  equal((await apiCall('GET', '/me/sessions', { token })).json.items.length, 0, 'the practice was dropped, not logged');
  await dash.close();
});

test('the other account pages: login, expired links, signed-out visits', async (context) => {
  allowStatus(context, 400);
  const loginPage = await open(context, 'account/login/');
  await audit(loginPage, 'login');
  await loginPage.click('button[type="submit"]');
  equal(await loginPage.evaluate(() => document.activeElement.id), 'login-email', 'empty form: focus on email');
  const verify = await open(context, 'account/verify-email/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await verify.waitForSelector('[data-state="invalid"]:not([hidden])');
  await audit(verify, 'verify-email-expired');
  const reset = await open(context, 'account/reset-password/');
  await reset.waitForSelector('[data-state="invalid"]:not([hidden])');
  await audit(reset, 'reset-password-no-token');
  for (const p of ['account/', 'account/favorites/', 'account/settings/']) {
    const page = await context.newPage();
    await page.goto(url(p));
    await page.waitForURL(/account\/login\/\?next=/);
  }
});

test('the API unreachable: pages still work and say so', async (context) => {
  context.allow.push('Failed to load resource', `request failed: ${api}`, 'net::ERR_FAILED');
  await context.route(`${api}/**`, (route) => route.abort());
  const library = await open(context, 'poses/?sort=popularity');
  await library.waitForSelector('.library.enhanced');
  await library.waitForTimeout(300);
  check(await library.$eval('#library-sort option[value="popularity"]', (o) => o.hidden && o.disabled), 'popularity stays hidden');
  check(await library.locator('#library-list .card').count() > 0, 'the library still lists poses');
  const page = await open(context, 'account/login/');
  await page.fill('#login-email', 'someone@example.org');
  await page.fill('#login-password', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#login-form .form-message:not(:empty)');
  check((await page.textContent('#login-form .form-message')).includes('cannot reach'), 'says the service is unreachable');
});

test('a read-only site (no --api-url) has no account features', async (context) => {
  for (const p of ['', 'poses/tree/', 'sequences/morning-energizer/', 'poses/']) {
    const page = await open(context, p, readOnly);
    equal(await page.locator('#account-link').count(), 0, `${p}: no account link`);
    equal(await page.locator('.favorite-row').count(), 0, `${p}: no favorite button`);
    equal(await page.locator('meta[name="yogaflow-api"]').count(), 0, `${p}: no API`);
    if (p === 'poses/') {
      await page.waitForSelector('.library.enhanced');
      check(await page.$eval('#library-sort option[value="popularity"]', (o) => o.hidden && o.disabled), 'no popularity');
    }
  }
  const login = await open(context, 'account/login/', readOnly);
  check((await login.textContent('main')).includes('no accounts'), 'the account page says there are no accounts');
  equal(await login.locator('form').count(), 0, 'no login form');
  await audit(login, 'read-only-login');
});

// ---------------------------------------------------------------- runner

const results = new Results('account browser tests');
for (const { name, fn } of tests) {
  if (skipped(name)) continue;
  const context = await newContext();
  await results.test(name, async () => {
    await fn(context);
    check(context.problems.length === 0, `browser problems:\n       ${context.problems.join('\n       ')}`);
  }, async () => {
    const pages = context.pages();
    if (pages.length) {
      const last = pages[pages.length - 1];
      console.log(`     screenshot: ${await failureScreenshot(last, shots, 'failed-', name, { fullPage: true })} (${last.url()})`);
    }
    if (context.problems.length) console.log(`     browser problems:\n       ${context.problems.join('\n       ')}`);
  });
  await context.close();
}
await browser.close();
process.exit(results.finish());
