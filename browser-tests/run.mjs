// Browser tests of the library page, in Debian's headless Chromium driven by playwright-core.
//   node run.mjs http://127.0.0.1:PORT/      (a site built by `yogaflow build` from content/)
// Run by the Java test LibraryBrowserTest, which builds and serves the site. Every test opens a
// fresh page; any console error, page error, CSP violation or failed request fails the run.
// Prints one line per test and "N passed, N failed"; exits 1 if any failed.
import os from 'node:os';
import { Check, Results, axe, check, closePersistent, equal, failureScreenshot, launchPersistent, recordProblems,
  reportCsp, skipped } from './lib.mjs';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/');
const library = new URL('poses/', base).href;

const context = await launchPersistent({ viewport: { width: 1280, height: 900 } });
await reportCsp(context);
const catalog = await (await fetch(new URL('api/catalog.json', base))).json();
const bySlug = new Map(catalog.poses.map((p) => [p.slug, p]));

// ---------------------------------------------------------------- helpers

/** A fresh page that records every error it sees. */
async function open(url, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.problems = [];
  recordProblems(page, (p) => page.problems.push(p));
  await page.goto(url);
  await ready(page);
  return page;
}

/** Waits until search.js has taken over the page and finished its work. */
async function ready(page) {
  await page.waitForSelector('.library.enhanced', { timeout: 10000 });
  await page.waitForFunction(() => !document.querySelector('#library-results')?.hasAttribute('aria-busy'));
}

const slugs = (page) => page.$$eval('#library-list > li.card:not([hidden]) a.card-link',
  (links) => links.map((a) => a.getAttribute('href').split('/').filter(Boolean).pop()));
const status = (page) => page.textContent('#library-status');
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

/** Types like a person, then waits for the debounced search to land in the URL and the list. */
async function typeQuery(page, text) {
  await page.click('#library-q');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 30 });
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, text.trim());
  await ready(page);
}

// ---------------------------------------------------------------- tests

const tests = [];
const test = (name, fn, viewport) => tests.push({ name, fn, viewport });

test('without JavaScript the library lists every pose', async () => {
  const page = await context.newPage();
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(library);
  const count = await page.$$eval('#library-list > li.card', (c) => c.length);
  equal(count, catalog.poses.length, 'cards');
  check(await page.isHidden('.library-tools'), 'search tools are hidden without JavaScript');
  await page.close();
});

test('the page starts with the first 20 poses by name and search tools', async (page) => {
  check(await page.isVisible('#library-q'), 'search box visible');
  const shown = await slugs(page);
  equal(shown.length, 20, 'first page size');
  const names = shown.map((s) => bySlug.get(s).name);
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
  equal(names, sorted, 'sorted by name');
  check((await status(page)).startsWith(`${catalog.poses.length} poses`), `status: ${await status(page)}`);
});

test('typing a query shows ranked results, debounced, and puts it in the URL', async (page) => {
  let requests = 0;
  page.on('request', (r) => { if (r.url().includes('/assets/search/')) requests++; });
  await typeQuery(page, 'warior 2');
  const shown = await slugs(page);
  equal(shown[0], 'warrior-2', 'typo and numeral: Warrior II first');
  equal(params(page).q, 'warior 2', 'URL');
  check(/found for “warior 2”/.test(await status(page)), await status(page));
  check(requests <= 6, `only the shards this query needs were loaded (${requests} requests)`);
  await typeQuery(page, 'shavasana');
  equal((await slugs(page))[0], 'corpse', 'transliteration');
  await typeQuery(page, 'Adho Mukha Śvānāsana');
  equal((await slugs(page))[0], 'downward-facing-dog', 'diacritics');
});

test('filters combine with the query and with each other', async (page) => {
  await typeQuery(page, 'hips');
  const all = (await status(page)).match(/^(\d+)/)[1];
  await page.check('#library-level-beginner');
  await ready(page);
  await page.click('.chip[data-area="hamstrings"]');
  await ready(page);
  await page.click('.chip[data-area="groin"]');
  await ready(page);
  await page.selectOption('#library-category', 'hip-opener');
  await ready(page);
  const shown = await slugs(page);
  check(shown.length > 0, 'some poses match');
  check(shown.length < +all, 'filters narrow the results');
  for (const slug of shown) {
    const pose = bySlug.get(slug);
    equal(pose.difficulty, 'beginner', `${slug} difficulty`);
    equal(pose.category, 'hip-opener', `${slug} category`);
    check(pose.body_areas.includes('hamstrings') || pose.body_areas.includes('groin'), `${slug} body areas ${pose.body_areas}`);
  }
  const p = params(page);
  equal([p.q, p.level, p.area, p.category], ['hips', 'beginner', 'hamstrings,groin', 'hip-opener'], 'URL');
  const chips = await page.$$eval('.active-chip', (b) => b.map((x) => x.textContent));
  equal(chips.length, 5, `active-filter indicators ${chips}`);
  // one-click removal of one filter, then of all
  await page.click('.active-chip[data-clear="category"]');
  await ready(page);
  check(!('category' in params(page)), 'category removed');
  await page.click('.clear-all');
  await ready(page);
  equal(params(page), {}, 'all cleared');
  equal(await page.inputValue('#library-q'), '', 'query cleared');
  equal((await slugs(page)).length, 20, 'back to the first page of all poses');
});

test('sort by name and by difficulty', async (page) => {
  await typeQuery(page, 'twist');
  await page.selectOption('#library-sort', 'difficulty');
  await ready(page);
  const levels = (await slugs(page)).map((s) => ['beginner', 'intermediate', 'advanced'].indexOf(bySlug.get(s).difficulty));
  equal(levels, [...levels].sort((a, b) => a - b), 'easiest first');
  await page.selectOption('#library-sort', 'name');
  await ready(page);
  const names = (await slugs(page)).map((s) => bySlug.get(s).name);
  equal(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })), 'by name');
  check(await page.$eval('#library-sort option[value="popularity"]', (o) => o.hidden && o.disabled), 'popularity hidden');
});

test('the URL holds the whole state: reload, back and forward', async (page) => {
  await page.goto(`${library}?q=dog&level=beginner&area=hamstrings,shoulders&category=inversion&sort=name`);
  await ready(page);
  equal(await page.inputValue('#library-q'), 'dog', 'query restored');
  check(await page.isChecked('#library-level-beginner'), 'level restored');
  equal(await page.$$eval('.chip[aria-pressed="true"]', (c) => c.map((x) => x.dataset.area)), ['shoulders', 'hamstrings'], 'areas restored');
  equal(await page.inputValue('#library-category'), 'inversion', 'category restored');
  equal(await page.inputValue('#library-sort'), 'name', 'sort restored');
  const first = await slugs(page);
  check(first.length > 0, 'results');
  await page.reload();
  await ready(page);
  equal(await slugs(page), first, 'same results after reload');
  await page.check('#library-level-all');
  await ready(page);
  const wider = await slugs(page);
  check(wider.length >= first.length, 'wider without the level filter');
  await page.goBack();
  await ready(page);
  equal(params(page).level, 'beginner', 'back restores the URL');
  check(await page.isChecked('#library-level-beginner'), 'back restores the control');
  equal(await slugs(page), first, 'back restores the results');
  await page.goForward();
  await ready(page);
  equal(await slugs(page), wider, 'forward again');
  await page.click('[data-tab="sequences"]');
  await ready(page);
  equal(params(page).tab, 'sequences', 'tab in the URL');
  await page.reload();
  await ready(page);
  equal(await page.getAttribute('#library-tab-sequences', 'aria-selected'), 'true', 'tab restored');
});

test('infinite scroll loads pages of 20; Load more works from the keyboard', async (page) => {
  equal((await slugs(page)).length, 20, 'first page');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('#library-list > li').length >= 40);
  equal(params(page).pages, '2', 'pages in the URL');
  const count = await page.$$eval('#library-list > li', (l) => l.length);
  check(count === 40 || count === 60, `scrolling loads whole pages (${count})`);
  // The fallback: a real button, reached and pressed with the keyboard. Focusing it scrolls it
  // into view, which may load a page by itself first; count the results as Enter goes down.
  await page.focus('.load-more');
  await page.waitForTimeout(300);
  await page.evaluate(() => document.querySelector('.load-more').addEventListener('keydown', () => {
    window.resultsBeforeEnter = document.querySelectorAll('#library-list > li').length;
  }, { capture: true }));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#library-list > li').length > window.resultsBeforeEnter);
  const [focused, before] = await page.evaluate(() => [document.activeElement.closest('li')
    && [...document.querySelectorAll('#library-list > li')].indexOf(document.activeElement.closest('li')),
  window.resultsBeforeEnter]);
  equal(focused, before, 'focus moves to the first new result');
  const images = await page.$$eval('#library-list > li img', (imgs) => imgs.slice(6).every((i) => i.loading === 'lazy'));
  check(images, 'images below the first cards load lazily');
});

test('sequences are searchable in their own tab', async (page) => {
  await typeQuery(page, 'morning');
  check(/\(1\)/.test(await page.textContent('#library-tab-sequences')), await page.textContent('#library-tab-sequences'));
  await page.click('#library-tab-sequences');
  await ready(page);
  const titles = await page.$$eval('#library-sequences li h3', (h) => h.map((x) => x.textContent));
  equal(titles, ['Morning Energizer'], 'sequence result');
  check(await page.isHidden('#library-list'), 'pose list hidden');
  const href = await page.getAttribute('#library-sequences a', 'href');
  check(href.endsWith('/sequences/morning-energizer/'), href);
});

test('an empty result explains and suggests', async (page) => {
  await typeQuery(page, 'zebra crossing');
  check(await page.isVisible('.empty-state'), 'empty state');
  check((await page.textContent('.empty-state')).includes('Nothing matches'), 'message');
  await page.click('.empty-state >> text=Clear the search');
  await ready(page);
  equal((await slugs(page)).length, 20, 'suggestion applied');
  await axe(page, 'library after clearing');
});

test('on a 375 px screen the filters open in a drawer', async (page) => {
  check(await page.isHidden('#library-filters'), 'filters hidden');
  check(await page.isVisible('.filters-toggle'), 'Filters button');
  await page.click('.filters-toggle');
  check(await page.isVisible('#library-filters'), 'drawer open');
  equal(await page.getAttribute('.filters-toggle', 'aria-expanded'), 'true', 'aria-expanded');
  const box = await page.$eval('#library-filters', (d) => d.getBoundingClientRect().toJSON());
  check(box.right <= 376 && box.width <= 375 && box.height >= 600, `drawer inside the screen ${JSON.stringify(box)}`);
  await axe(page, 'drawer open');
  equal(await page.evaluate(() => document.activeElement.className), 'filters-close', 'focus moves into the drawer');
  await page.keyboard.press('Shift+Tab');
  check(await page.evaluate(() => document.getElementById('library-filters').contains(document.activeElement)),
    'Tab stays inside the open drawer');
  await page.click('.chip[data-area="core"]');
  await ready(page);
  equal(params(page).area, 'core', 'filter from the drawer');
  await page.keyboard.press('Escape');
  check(await page.isHidden('#library-filters'), 'Escape closes the drawer');
  equal(await page.evaluate(() => document.activeElement.className), 'button button-secondary filters-toggle', 'focus back on the toggle');
  check(/\(1\)/.test(await page.textContent('.filters-toggle')), 'the toggle counts active filters');
}, { width: 375, height: 740 });

test('everything works from the keyboard alone', async (page) => {
  // skip link, then Tab until the search box has focus
  for (let i = 0; i < 12 && await page.evaluate(() => document.activeElement?.id) !== 'library-q'; i++) {
    await page.keyboard.press('Tab');
  }
  equal(await page.evaluate(() => document.activeElement.id), 'library-q', 'search box reachable by Tab');
  await page.keyboard.type('pigeon');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'pigeon');
  await ready(page);
  equal((await slugs(page))[0], 'pigeon', 'results');
  // Tab to the difficulty radios and pick one with the arrow keys
  for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement?.name) !== 'level'; i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('ArrowDown');
  await ready(page);
  equal(params(page).level, 'beginner', 'arrow key picks a level');
  // Tab to a body-area chip and press Space
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.classList.contains('chip'))); i++) {
    await page.keyboard.press('Tab');
  }
  const area = await page.evaluate(() => document.activeElement.dataset.area);
  await page.keyboard.press('Space');
  await ready(page);
  equal(params(page).area, area, 'Space toggles a chip');
  // the tabs: Shift+Tab back is long; focus the selected tab by Tab from the sort select
  await page.focus('#library-sort');
  for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement?.getAttribute('role')) !== 'tab'; i++) {
    await page.keyboard.press('Tab');
  }
  equal(await page.evaluate(() => document.activeElement.id), 'library-tab-poses', 'tab reachable');
  await page.keyboard.press('ArrowRight');
  await ready(page);
  equal(params(page).tab, 'sequences', 'arrow keys switch tabs');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', 'focus is visible');
});

test('axe-core finds no serious or critical violations', async (page) => {
  await axe(page, 'library');
  await typeQuery(page, 'hip');
  await page.click('.chip[data-area="hips"]');
  await ready(page);
  await axe(page, 'library with results and filters');
  await page.click('#library-tab-sequences');
  await ready(page);
  await axe(page, 'sequence results');
});

// ---------------------------------------------------------------- run

const results = new Results('browser tests');
for (const { name, fn, viewport } of tests) {
  if (skipped(name)) continue;
  let page = null;
  await results.test(name, async () => {
    if (fn.length > 0) page = await open(library, viewport);
    await fn(page);
    if (page && page.problems.length) throw new Check(`errors in the browser:\n    ${page.problems.join('\n    ')}`);
  }, async () => {
    if (!page) return;
    console.log(`     screenshot: ${await failureScreenshot(page, os.tmpdir(), 'yogaflow-', name, { fullPage: false })}`);
    if (page.problems.length) console.log(`     browser errors:\n       ${page.problems.join('\n       ')}`);
  });
  await page?.close();
}
await closePersistent(context);
process.exit(results.finish());
