// Browser tests of the practice player on sequence pages, in Debian's headless Chromium.
//   node player.mjs SITE_URL API_SITE_URL SCREENSHOT_DIR
// SITE_URL is a site built from content/ without an API; API_SITE_URL the same content built
// with --api-url (its pages carry <meta name="yogaflow-api">). Run by PracticePlayerTest, which
// builds and serves both. Any console error or warning, page error, failed request or CSP
// violation fails a test. Prints one line per test and "N passed, N failed"; exits 1 on failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Check, Results, axe, check, closePersistent, equal, failureScreenshot, launchPersistent, recordProblems,
  reportCsp, skipped, sleep } from './lib.mjs';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/');
const apiBase = new URL(process.argv[3] ?? base.href);
const shots = process.argv[4] ?? path.join(os.tmpdir(), 'yogaflow-screenshots');
const SLUG = 'morning-energizer';
const pageUrl = (query = '', site = base) => new URL(`sequences/${SLUG}/${query}`, site).href;

fs.mkdirSync(shots, { recursive: true });
const context = await launchPersistent({ viewport: { width: 1280, height: 900 } });
await reportCsp(context);

// Before any page script: count the tones the player starts and stand in for the Wake Lock API
// (headless Chromium has no screen to keep awake).
await context.addInitScript(() => {
  window.__tones = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) { window.__tones++; return start.apply(this, args); };
  window.__wake = { requests: 0, held: 0, locks: [] };
  Object.defineProperty(navigator, 'wakeLock', {
    value: {
      async request(type) {
        if (type !== 'screen') throw new TypeError('screen only');
        window.__wake.requests++;
        // A browser may take its time to answer (window.__wake.delay ms).
        if (window.__wake.delay) await new Promise((resolve) => setTimeout(resolve, window.__wake.delay));
        window.__wake.held++;
        const sentinel = new EventTarget();
        sentinel.released = false;
        window.__wake.locks.push(sentinel);
        sentinel.release = async () => {
          if (sentinel.released) return;
          sentinel.released = true;
          window.__wake.held--;
          sentinel.dispatchEvent(new Event('release'));
        };
        return sentinel;
      },
    },
  });
});

const catalog = await (await fetch(new URL('api/catalog.json', base))).json();
const sequence = catalog.sequences.find((s) => s.slug === SLUG);
const poseNames = new Map(catalog.poses.map((p) => [p.slug, p.name]));

/** The holds the player must play, worked out from the catalog (not from the page). */
function expectedHolds() {
  const holds = [];
  for (const step of sequence.steps) {
    const sides = step.side === 'both' ? ['Right side', 'Left side'] : step.side ? [`${step.side[0].toUpperCase()}${step.side.slice(1)} side`] : [null];
    for (let round = 1; round <= step.repeat; round++) {
      for (const side of sides) {
        holds.push([poseNames.get(step.pose), side, step.repeat > 1 ? `Round ${round} of ${step.repeat}` : null]
          .filter(Boolean).join(' · '));
      }
    }
  }
  return holds;
}

// ---------------------------------------------------------------- helpers

async function open(url, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.problems = [];
  page.allowed = []; // substrings of problems a test expects
  recordProblems(page, (p) => page.problems.push(p));
  await page.goto(url);
  await page.waitForSelector('#player-open', { state: 'visible', timeout: 10000 });
  return page;
}

async function start(page) {
  await page.click('#player-open');
  await page.waitForSelector('#player[open]');
}

/** Seconds of "m:ss" or "h:mm:ss". */
const seconds = (text) => text.match(/[\d:]+/)[0].split(':').reduce((s, part) => s * 60 + Number(part), 0);
const clockOf = async (page) => seconds(await page.textContent('#player-clock'));
const remainingOf = async (page) => seconds(await page.textContent('#player-remaining'));
const position = (page) => page.textContent('#player-position');
/** What the player shows for the current hold: "Tree Pose · Right side", "Cat Pose · Round 2 of 3". */
const shown = (page) => page.evaluate(() => {
  const phase = document.getElementById('player-phase').textContent;
  return [document.getElementById('player-pose').textContent, /^Hold \d+ s$/.test(phase) ? null : phase]
    .filter(Boolean).join(' · ');
});

// ---------------------------------------------------------------- tests

const tests = [];
const test = (name, fn, url = pageUrl(), viewport) => tests.push({ name, fn, url, viewport });

test('without JavaScript the page lists the steps and no player', async () => {
  const page = await context.newPage();
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(pageUrl());
  equal(await page.$$eval('ol.steps > li.step', (l) => l.length), sequence.steps.length, 'steps listed');
  check(await page.isHidden('#player-open'), 'no Start button without JavaScript');
  check(await page.isHidden('#player'), 'no player without JavaScript');
  await page.close();
});

test('the player plays every hold in order, sides and repeats expanded, for the page\'s total time', async (page) => {
  const total = sequence.computed_seconds;
  const datetime = await page.getAttribute('.page-header time', 'datetime');
  const [, m, s] = datetime.match(/^PT(?:(\d+)M)?(?:(\d+)S)?$/);
  equal(Number(m ?? 0) * 60 + Number(s ?? 0), total, 'the page\'s Total time is the catalog\'s computed length');
  const holds = expectedHolds();
  const transitions = (holds.length - 1) * sequence.transition_seconds;
  equal(sequence.steps.reduce((sum, st) => sum + st.hold * st.repeat * (st.side === 'both' ? 2 : 1), 0) + transitions,
    total, 'holds plus transitions');
  await start(page);
  await page.click('#player-pause');
  equal(await remainingOf(page), total, 'time left at the start = Total time');
  equal(Number(await page.getAttribute('#player-progress', 'max')), total, 'progress bar length');
  const played = [];
  for (let i = 1; i <= holds.length; i++) {
    equal(await position(page), `Step ${i} of ${holds.length}`, 'position');
    played.push(await shown(page));
    if (i < holds.length) await page.click('#player-skip');
  }
  equal(played, holds, 'holds in order');
  equal(holds.filter((h) => h.startsWith('Warrior II') || h.startsWith('Warrior 2')).length, 2, 'Warrior 2 on both sides');
});

test('the countdown runs at ?speed and a transition with its text follows each hold', async (page) => {
  await start(page);
  equal(await position(page), `Step 1 of ${expectedHolds().length}`, 'first step');
  equal(await page.textContent('#player-pose'), poseNames.get(sequence.steps[0].pose), 'first pose');
  equal(await page.textContent('#player-cue'), sequence.steps[0].cue, 'cue');
  check(await page.getAttribute('#player-figure img', 'srcset'), 'the pose photo with a srcset');
  check((await page.textContent('#player-next')).includes(`Next: ${poseNames.get(sequence.steps[1].pose)}`), 'next-pose preview');
  check((await page.textContent('.player-status')).includes('preview ×10'), 'the speed is shown');
  const t0 = Date.now();
  const left0 = await remainingOf(page);
  await sleep(1500);
  const left1 = await remainingOf(page);
  const practice = ((Date.now() - t0) / 1000) * 10;
  check(Math.abs((left0 - left1) - practice) <= 4, `10× speed: ${left0 - left1} s of practice in ${(Date.now() - t0)} ms`);
  check(await clockOf(page) < sequence.steps[0].hold - 10, 'the hold counts down');
  // Child's Pose (30 s) ends after 3 s at 10×: the transition, with the step's own text.
  await page.waitForFunction(() => document.getElementById('player-phase').textContent.startsWith('Transition'), null, { timeout: 5000 });
  equal(await page.textContent('#player-cue'), sequence.steps[0].transition, 'transition text');
  equal(await page.textContent('#player-pose'), poseNames.get(sequence.steps[1].pose), 'the pose coming next');
  equal(await position(page), `Step 2 of ${expectedHolds().length}`, 'a transition shows the step it leads to');
  await page.waitForFunction(() => !document.getElementById('player-phase').textContent.startsWith('Transition'), null, { timeout: 3000 });
  const live = await page.textContent('#player-live');
  check(live.startsWith(`Step 2 of ${expectedHolds().length}: ${poseNames.get(sequence.steps[1].pose)}`), `the new step is announced: ${live}`);
}, pageUrl('?speed=10'));

test('pause stops the clock, resume continues it', async (page) => {
  await start(page);
  await sleep(500);
  await page.click('#player-pause');
  equal(await page.textContent('#player-pause'), 'Resume', 'button label');
  equal(await page.textContent('#player-live'), 'Paused', 'announced');
  const clock = await page.textContent('#player-clock');
  const left = await remainingOf(page);
  await sleep(1200);
  equal(await page.textContent('#player-clock'), clock, 'the countdown stands still');
  equal(await remainingOf(page), left, 'so does the time left');
  await page.click('#player-pause');
  equal(await page.textContent('#player-pause'), 'Pause', 'button label');
  await sleep(800);
  check(await remainingOf(page) < left, 'the clock runs again');
}, pageUrl('?speed=10'));

test('skip and back move between holds', async (page) => {
  const holds = expectedHolds();
  await start(page);
  await page.click('#player-skip');
  equal(await position(page), `Step 2 of ${holds.length}`, 'skip');
  equal(await shown(page), holds[1], 'second hold');
  equal(await clockOf(page), sequence.steps[1].hold, 'its countdown starts full');
  await page.click('#player-skip');
  equal(await shown(page), holds[2], 'third hold');
  await page.click('#player-back');
  equal(await position(page), `Step 2 of ${holds.length}`, 'back');
  await page.click('#player-back');
  await page.click('#player-back');
  equal(await position(page), `Step 1 of ${holds.length}`, 'back stops at the first hold');
  // Time left follows: after skipping to hold 2, the plan from hold 2 remains.
  await page.click('#player-skip');
  await page.click('#player-pause');
  equal(await remainingOf(page), sequence.computed_seconds - sequence.steps[0].hold - sequence.transition_seconds, 'time left after a skip');
});

test('keyboard: Space pauses and resumes, arrows skip and go back, Esc exits', async (page) => {
  const holds = expectedHolds();
  await page.focus('#player-open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#player[open]');
  equal(await page.evaluate(() => document.activeElement.id), 'player-pause', 'focus moves into the player');
  check((await page.textContent('#player-keys')).includes('Space'), 'the shortcuts are shown');
  await page.keyboard.press('ArrowRight');
  equal(await position(page), `Step 2 of ${holds.length}`, '→ skips');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  equal(await position(page), `Step 2 of ${holds.length}`, '← goes back');
  await page.focus('#player-skip');
  await page.keyboard.press('Space');
  equal(await page.textContent('#player-pause'), 'Resume', 'Space pauses, even with Skip focused');
  equal(await position(page), `Step 2 of ${holds.length}`, 'and does not press the focused button');
  await page.keyboard.press('Space');
  equal(await page.textContent('#player-pause'), 'Pause', 'Space resumes');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', 'focus is visible');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#player', { state: 'hidden' });
  equal(await page.evaluate(() => document.activeElement.id), 'player-open', 'focus returns to Start practice');
  // Released at once, or as soon as a request still under way is answered.
  await page.waitForFunction(() => window.__wake.held === 0, null, { timeout: 2000 }).catch(() => {});
  equal(await page.evaluate(() => window.__wake.held), 0, 'the wake lock is released on exit');
});

test('the screen is kept awake while practising, and again when the page is shown again', async (page) => {
  await start(page);
  await page.waitForFunction(() => window.__wake.held === 1);
  // A hidden page loses its lock (the browser releases it); the player asks again when shown.
  await page.evaluate(() => Promise.all(window.__wake.locks.map((l) => l.release())));
  equal(await page.evaluate(() => window.__wake.held), 0, 'released by the browser');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForFunction(() => window.__wake.held === 1);
  equal(await page.evaluate(() => window.__wake.requests), 2, 'asked again');
  await page.click('#player-exit');
  await page.waitForFunction(() => window.__wake.held === 0, null, { timeout: 2000 }).catch(() => {});
  equal(await page.evaluate(() => window.__wake.held), 0, 'released on exit');
});

test('a practice closed before the browser grants the wake lock does not keep it', async (page) => {
  await page.evaluate(() => { window.__wake.delay = 300; });
  await start(page);
  await page.click('#player-exit');
  await page.waitForFunction(() => window.__wake.requests === 1 && window.__wake.locks.length === 1, null, { timeout: 2000 });
  await page.waitForTimeout(100);
  equal(await page.evaluate(() => window.__wake.held), 0, 'the lock granted after the exit is given back');
});

test('the practice ends with a summary and no logging without an API', async (page) => {
  await start(page);
  await page.waitForSelector('#player-summary', { state: 'visible', timeout: 10000 });
  equal(await page.evaluate(() => document.activeElement.id), 'player-done', 'focus on the summary');
  equal(await page.textContent('#player-practised'), sequence.computed_seconds % 60
    ? `${Math.floor(sequence.computed_seconds / 60)} min ${sequence.computed_seconds % 60} s`
    : `${sequence.computed_seconds / 60} min`, 'time practised');
  const holds = expectedHolds().length;
  equal(await page.textContent('#player-held'), `${holds} of ${holds} held`, 'poses held');
  equal(await page.textContent('#player-closing'), sequence.steps.at(-1).transition, 'the closing words');
  check(await page.isHidden('#player-log'), 'no logging line without an API');
  check(await page.isHidden('#player-controls'), 'controls put away');
  equal(await page.evaluate(() => window.__wake.held), 0, 'wake lock released at the end');
  check((await page.textContent('#player-live')).startsWith('Practice complete'), 'announced');
  await axe(page, 'summary');
  await page.screenshot({ path: path.join(shots, 'player-summary-375.png') });
  await page.click('#player-again');
  equal(await position(page), `Step 1 of ${holds}`, 'Practise again starts over');
}, pageUrl('?speed=600'), { width: 375, height: 740 });

test('a soft tone marks each new hold; Mute silences it and is remembered', async (page) => {
  await start(page);
  await page.click('#player-skip');
  await page.click('#player-skip');
  check(await page.evaluate(() => window.__tones) >= 2, 'tones on skip');
  await page.click('#player-mute');
  equal(await page.getAttribute('#player-mute', 'aria-pressed'), 'true', 'pressed');
  const tones = await page.evaluate(() => window.__tones);
  await page.click('#player-skip');
  equal(await page.evaluate(() => window.__tones), tones, 'no tone when muted');
  await page.reload();
  await page.waitForSelector('#player-open', { state: 'visible' });
  await start(page);
  equal(await page.getAttribute('#player-mute', 'aria-pressed'), 'true', 'remembered after a reload');
  await page.click('#player-skip');
  equal(await page.evaluate(() => window.__tones), 0, 'still silent');
  await page.click('#player-mute');
  await page.click('#player-skip');
  equal(await page.evaluate(() => window.__tones), 1, 'unmuted');
});

for (const [width, height, name] of [[375, 740, 'phone'], [1280, 800, 'desktop']]) {
  test(`the player fits a ${width} px ${name} screen, passes axe-core`, async (page) => {
    await start(page);
    await page.click('#player-pause');
    await page.click('#player-skip'); // Table Top, a longer cue
    await page.waitForFunction(() => [...document.querySelectorAll('#player img')].every((i) => i.complete));
    const fit = await page.evaluate(() => {
      const d = document.getElementById('player');
      const box = (id) => document.getElementById(id).getBoundingClientRect();
      return {
        page: document.scrollingElement.scrollWidth <= innerWidth,
        dialog: d.scrollWidth <= d.clientWidth,
        controls: box('player-controls').right <= innerWidth && box('player-controls').bottom <= innerHeight,
        clock: box('player-clock').bottom <= innerHeight,
      };
    });
    equal(fit, { page: true, dialog: true, controls: true, clock: true }, 'no horizontal scroll; clock and controls on screen');
    await page.screenshot({ path: path.join(shots, `player-${width}.png`) });
    await axe(page, `player at ${width} px`);
    await page.click('#player-pause');
    await page.waitForFunction(() => document.getElementById('player-phase').textContent.startsWith('Transition'), null, { timeout: 10000 });
    await page.screenshot({ path: path.join(shots, `player-transition-${width}.png`) });
    await page.click('#player-exit');
    await page.screenshot({ path: path.join(shots, `sequence-${width}.png`) });
    check(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'the page fits too');
  }, pageUrl('?speed=20'), { width, height });
}

// Logging through practice-log.js (the account pages' module): a stand-in with the same
// contract answers each status, so the player's part is tested on its own.
const stub = (status) => `export async function logSession(session) {
  window.__logged = (window.__logged ?? []).concat([session]);
  return { status: ${JSON.stringify(status)} };
}`;
for (const [status, message] of [['logged', 'Logged ✓'], ['queued', 'Saved — will sync when online'],
  ['signed-out', 'Sign in to log this practice']]) {
  test(`with an API, a finished practice is logged: ${status}`, async (page) => {
    await page.route('**/practice-log.js', (route) => route.fulfill({ contentType: 'text/javascript', body: stub(status) }));
    await page.reload(); // the header's site-account.js imported the real module on the first load
    await start(page);
    await page.waitForFunction((m) => document.getElementById('player-log').textContent === m, message, { timeout: 10000 });
    const [session] = await page.evaluate(() => window.__logged);
    equal(session.sequence, SLUG, 'sequence');
    equal(session.durationSeconds, sequence.computed_seconds, 'duration in practice seconds');
    equal(session.completed, true, 'completed');
    check(Math.abs(Date.parse(session.startedAt) - Date.now()) < 60000, `startedAt ${session.startedAt}`);
    equal(await page.evaluate(() => window.__logged.length), 1, 'logged once');
    if (status === 'signed-out') {
      const href = await page.getAttribute('#player-log a', 'href');
      equal(href, `/account/login/?next=${encodeURIComponent(`/sequences/${SLUG}/`)}`, 'sign-in link');
    }
    await axe(page, `summary, ${status}`);
  }, pageUrl('?speed=600', apiBase));
}

test('with an API, a practice skipped to its end is logged as not completed', async (page) => {
  await page.route('**/practice-log.js', (route) => route.fulfill({ contentType: 'text/javascript', body: stub('logged') }));
  await page.reload();
  const holds = expectedHolds().length;
  await start(page);
  await sleep(1000); // 10 s of the first 30 s hold
  for (let i = 0; i < holds; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.getElementById('player-log').textContent === 'Logged ✓', null, { timeout: 10000 });
  equal(await page.textContent('#player-held'), `0 of ${holds} held`, 'nothing held');
  const logged = await page.evaluate(() => window.__logged);
  equal(logged.length, 1, 'logged once');
  equal(logged[0].completed, false, 'not completed');
  check(logged[0].durationSeconds >= 5 && logged[0].durationSeconds < sequence.computed_seconds,
    `the time the clock ran: ${logged[0].durationSeconds} s`);
}, pageUrl('?speed=10', apiBase));

test('with an API, a practice skipped through at once is not logged', async (page) => {
  await page.route('**/practice-log.js', (route) => route.fulfill({ contentType: 'text/javascript', body: stub('logged') }));
  await page.reload();
  const holds = expectedHolds().length;
  await start(page);
  // Every hold in one task: well under the half second that would round to 1 s practised.
  await page.evaluate((n) => { for (let i = 0; i < n; i++) document.getElementById('player-skip').click(); }, holds);
  await page.waitForSelector('#player-summary', { state: 'visible' });
  await sleep(500);
  check(await page.isHidden('#player-log'), 'no logging line');
  equal(await page.evaluate(() => window.__logged ?? []), [], 'practice-log.js was not called');
}, pageUrl('', apiBase));

test('with an API but no practice-log.js yet, the summary still shows', async (page) => {
  page.allowed.push('practice-log.js', 'Failed to load resource', 'Failed to fetch dynamically imported module');
  await page.route('**/practice-log.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.reload();
  await start(page);
  await page.waitForSelector('#player-summary', { state: 'visible', timeout: 10000 });
  await sleep(300);
  check(await page.isHidden('#player-log'), 'no logging line');
  check(page.problems.some((p) => p.includes('practice-log.js')), 'the module was asked for');
}, pageUrl('?speed=600', apiBase));

// ---------------------------------------------------------------- run

const results = new Results('player tests');
for (const { name, fn, url, viewport } of tests) {
  if (skipped(name)) continue;
  let page = null;
  await results.test(name, async () => {
    if (fn.length > 0) page = await open(url, viewport);
    await fn(page);
    const problems = page ? page.problems.filter((p) => !page.allowed.some((a) => p.includes(a))) : [];
    if (problems.length) throw new Check(`errors in the browser:\n    ${problems.join('\n    ')}`);
  }, async () => {
    if (!page) return;
    console.log(`     screenshot: ${await failureScreenshot(page, shots, 'failed-', name)}`);
    if (page.problems.length) console.log(`     browser errors:\n       ${page.problems.join('\n       ')}`);
  });
  await page?.close();
}
await closePersistent(context);
process.exit(results.finish());
