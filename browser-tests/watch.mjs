// Watch mode (`yogaflow serve --watch`, also what `yogaflow dev` runs) in Debian's headless Chromium.
//   node watch.mjs SITE_URL CONTENT_DIR THEME_DIR SCREENSHOT_DIR
// SITE_URL is a running preview of CONTENT_DIR and THEME_DIR (temporary copies: this script edits
// them). Run by WatchBrowserTest. One story, in order, on an open pose page: an edit reloads it,
// a broken pose shows the error overlay (file, line, message; accessible, closable) over the last
// good page, a page opened meanwhile shows it at once, a fix clears it, a template edit reloads.
// Any console error or warning, page error, failed request, HTTP error or CSP violation on any
// page fails. Prints one line per step and "N passed, N failed"; exits 1 on failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Check, Results, axe, check, closePersistent, equal, failureScreenshot, launchPersistent, recordProblems,
  reportCsp } from './lib.mjs';

const [base, contentDir, themeDir] = [new URL(process.argv[2]), process.argv[3], process.argv[4]];
const shots = process.argv[5] ?? path.join(os.tmpdir(), 'yogaflow-screenshots');
const POSE = 'tree';
const poseFile = path.join(contentDir, 'poses', `${POSE}.md`);
const template = path.join(themeDir, 'templates', 'pose.peb');
const poseUrl = new URL(`poses/${POSE}/`, base).href;
// A build and a reload take well under a second here; the margin is for a busy CI machine.
const WAIT = 30000;

fs.mkdirSync(shots, { recursive: true });
const context = await launchPersistent({ viewport: { width: 1280, height: 900 } });
await reportCsp(context);

// Problems are collected in Node, so they survive the reloads this test is about.
const problems = [];
const watch = (page) => recordProblems(page, (p) => problems.push(p), {
  // A reload ends the page's event stream; Chromium reports that as an aborted request.
  requestfailed: (r) => r.url().endsWith('/__yogaflow/events') && r.failure()?.errorText === 'net::ERR_ABORTED',
});

// ---------------------------------------------------------------- helpers

/** Opens url with its event stream connected (so no edit can come before the page listens). */
async function open(url, viewport) {
  const page = watch(await context.newPage());
  if (viewport) await page.setViewportSize(viewport);
  const connected = page.waitForResponse((r) => r.url().endsWith('/__yogaflow/events'), { timeout: WAIT });
  page.document = await page.goto(url);
  await connected;
  return page;
}

/** Writes a file and waits until the page has reloaded by itself, its event stream connected again. */
async function editAndReload(page, file, text) {
  await page.evaluate(() => { window.__beforeReload = true; });
  const loaded = page.waitForEvent('load', { timeout: WAIT });
  const connected = page.waitForResponse((r) => r.url().endsWith('/__yogaflow/events'), { timeout: WAIT });
  fs.writeFileSync(file, text);
  await loaded;
  await connected;
  equal(await page.evaluate(() => window.__beforeReload ?? false), false, 'a fresh document after the reload');
}

const h1 = (page) => page.textContent('main h1');
const overlay = '.yogaflow-live-overlay';

// ---------------------------------------------------------------- the story

const original = fs.readFileSync(poseFile, 'utf8');
const renamed = original.replace('name: Tree Pose', 'name: Tall Tree Pose')
  .replace('**Start in Mountain Pose.**', '**Begin in Mountain Pose.**');
const broken = renamed.replace('difficulty: beginner', 'difficulty: beginer');
check(original !== renamed && renamed !== broken, `${poseFile} is not the Tree Pose this test expects`);
const brokenLine = broken.split('\n').findIndex((l) => l.startsWith('difficulty: beginer')) + 1;

let page;
let late;
const steps = [];
const step = (name, fn) => steps.push({ name, fn });

step('the pose page loads the live script from a file, no inline script', async () => {
  page = await open(poseUrl);
  equal(await h1(page), 'Tree Pose', 'the pose');
  const html = await page.document.text();
  check(html.includes('<script type="module" src="/__yogaflow/live.js"></script>'), 'the live script is a file');
  const inline = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\ssrc=/.test(tag));
  equal(inline, [], 'script tags without src');
  check(!/<[^>]+\son[a-z]+=/i.test(html), 'no inline event handlers');
  check(!/<style\b/i.test(html) && !/<[^>]+\sstyle=/i.test(html), 'no inline styles');
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  check(csp && /script-src 'self'/.test(csp) && !/unsafe-inline/.test(csp), `the page's strict CSP stays: ${csp}`);
});

step('editing the pose reloads the open page with the new text', async () => {
  await editAndReload(page, poseFile, renamed);
  equal(await h1(page), 'Tall Tree Pose', 'the new name');
  check((await page.textContent('main')).includes('Begin in Mountain Pose.'), 'the new instructions');
  check(await page.isHidden(overlay), 'no overlay');
});

step('breaking the pose shows an overlay with file, line and message over the last good page', async () => {
  fs.writeFileSync(poseFile, broken);
  await page.waitForSelector(overlay, { state: 'visible', timeout: WAIT });
  const shown = await page.$eval(overlay, (o) => ({
    role: o.getAttribute('role'),
    title: o.querySelector('h2')?.textContent,
    where: o.querySelector('.yogaflow-live-where')?.textContent,
    message: o.querySelector('.yogaflow-live-message')?.textContent,
    hint: o.querySelector('.yogaflow-live-hint')?.textContent,
  }));
  equal(shown, {
    role: 'alert',
    title: 'The build failed: 1 error',
    where: `content/poses/${POSE}.md:${brokenLine}:13`,
    message: "unknown difficulty 'beginer'",
    hint: "hint: did you mean 'beginner'?",
  }, 'the overlay');
  equal(await h1(page), 'Tall Tree Pose', 'the last good page stays');
  const style = await page.$eval(overlay, (o) => getComputedStyle(o).position);
  equal(style, 'fixed', 'styled by live.css');
  await page.screenshot({ path: path.join(shots, 'watch-overlay-1280.png') });
  await axe(page, 'the overlay', overlay);
});

step('the overlay can be closed from the keyboard', async () => {
  const close = `${overlay} button`;
  check(await page.isVisible(close), 'a close button');
  const name = await page.$eval(close, (b) => b.getAttribute('aria-label') || b.textContent.trim());
  check(/close|dismiss/i.test(name), `the button's accessible name: ${name}`);
  await page.focus(close);
  equal(await page.evaluate(() => document.activeElement.closest('.yogaflow-live-overlay') !== null), true, 'focusable');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForSelector(overlay, { state: 'hidden', timeout: 2000 });
  equal(await h1(page), 'Tall Tree Pose', 'the last good page underneath');
});

step('a page opened while the build is broken shows the overlay at once, and fits a phone', async () => {
  late = await open(poseUrl, { width: 375, height: 812 });
  await late.waitForSelector(overlay, { state: 'visible', timeout: WAIT });
  check((await late.textContent(overlay)).includes(`content/poses/${POSE}.md:${brokenLine}:13`), 'file and line');
  equal(await late.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no horizontal scrolling at 375 px');
  const box = await late.$eval(overlay, (o) => { const r = o.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; });
  equal(box, true, 'the overlay fits the screen');
  await late.screenshot({ path: path.join(shots, 'watch-overlay-375.png') });
  await axe(late, 'the overlay at 375 px', overlay);
});

step('fixing the pose clears the overlay and reloads the fixed content', async () => {
  const lateLoaded = late.waitForEvent('load', { timeout: WAIT });
  await editAndReload(page, poseFile, original);
  await lateLoaded;
  for (const p of [page, late]) {
    equal(await h1(p), 'Tree Pose', 'the fixed page');
    check((await p.textContent('main')).includes('Start in Mountain Pose.'), 'the fixed instructions');
    check(await p.isHidden(overlay), 'the overlay is gone');
  }
  await late.close();
});

step('a template change reloads the page too', async () => {
  const text = fs.readFileSync(template, 'utf8');
  const from = `<a href="{{ links.library }}">Poses</a>`;
  check(text.includes(from), `${template} has the breadcrumb this test changes`);
  await editAndReload(page, template, text.replace(from, `<a href="{{ links.library }}">All poses</a>`));
  equal((await page.textContent('.breadcrumb')).trim(), 'All poses', 'the changed template');
  equal(await h1(page), 'Tree Pose', 'the same pose');
  await page.screenshot({ path: path.join(shots, 'watch-reloaded-1280.png') });
});

// ---------------------------------------------------------------- run

const results = new Results('watch tests');
for (const { name, fn } of steps) {
  const before = problems.length;
  await results.test(name, async () => {
    if (results.failed) throw new Check('skipped: an earlier step failed');
    await fn();
    if (problems.length > before) throw new Check(`errors in the browser:\n    ${problems.slice(before).join('\n    ')}`);
  }, async () => {
    if (page && !page.isClosed()) console.log(`     screenshot: ${await failureScreenshot(page, shots, 'failed-watch-', name)}`);
  });
}
await closePersistent(context);
process.exit(results.finish());
