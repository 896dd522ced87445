// One page of every kind, at a phone's and a desktop's width, in Debian's headless Chromium.
//   node pages.mjs SCREENSHOT_DIR NAME=SITE_URL=SITE_DIR[=OUTBOX_DIR] …
// Each site is a build of content/ served at SITE_URL from SITE_DIR (SitePagesBrowserTest builds
// one with a running account API and one read-only). Visited: home, pose library, one pose, the
// sequence list, one sequence, the 404 page, and every other page the build published (found in
// SITE_DIR: account pages and whatever the theme's templates/pages/ adds later), at 375×812 and
// 1280×900. For each: a full-page screenshot NAME-PAGE-WIDTH.png ("api-" left out of the name of
// the site with the API), axe-core with no serious or critical violation, no console error or
// warning, page error, failed request, HTTP error or CSP violation, no horizontal scrolling.
// A site with an API, an OUTBOX_DIR (the API's emails) and an account/login/ page is visited a
// second time signed in (NAME-signed-in-…): a user registered and verified through the API, with
// a favorite pose and sequence and a practice session, logs in on the login page ("remember me").
// Prints one line per page and width, then "N passed, N failed"; exits 1 on failure.
import fs from 'node:fs';
import path from 'node:path';
import { Check, Results, axeResults, closePersistent, launchPersistent, recordProblems, reportCsp,
  skipped } from './lib.mjs';

const shots = process.argv[2];
const sites = process.argv.slice(3).map((arg) => {
  const [name, url, dir, outbox] = arg.split('=');
  return { name, base: new URL(url), dir, outbox };
});
const SIZES = [{ width: 375, height: 812 }, { width: 1280, height: 900 }];
const POSE = 'tree';
const SEQUENCE = 'morning-energizer';

fs.mkdirSync(shots, { recursive: true });
const context = await launchPersistent();
await reportCsp(context);

/**
 * The pages of one built site: the kinds made from content (one of each), then every other
 * index.html, so a page the theme adds later is visited without changing this list.
 */
function pagesOf(dir) {
  const pages = [
    { name: 'home', path: '' },
    { name: 'poses', path: 'poses/' },
    { name: `pose-${POSE}`, path: `poses/${POSE}/` },
    { name: 'sequences', path: 'sequences/' },
    { name: `sequence-${SEQUENCE}`, path: `sequences/${SEQUENCE}/` },
    { name: '404', path: 'no-such-page/', status: 404 },
  ];
  const known = new Set(pages.map((p) => p.path));
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // One page per pose and per sequence is enough; assets, photos and the API are not pages.
        if (/^(poses|sequences)\/[^/]+$/.test(child) || /^(assets|images|api)$/.test(child)) continue;
        walk(child);
      } else if (entry.name === 'index.html' && !known.has(rel ? `${rel}/` : '')) {
        pages.push({ name: rel.replaceAll('/', '-'), path: `${rel}/` });
      }
    }
  };
  walk('');
  return pages;
}

async function visit(site, page0, size) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  const problems = [];
  const url = new URL(page0.path, site.base).href;
  recordProblems(page, (p) => problems.push(p), {
    // Chromium logs the 404 page's own status as an error; any other 404 is still reported.
    console: (m) => page0.status === 404 && m.location().url === url && m.text().includes('status of 404'),
    response: (r) => r.url() === url && r.status() === page0.status,
  });
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (response.status() !== (page0.status ?? 200)) problems.push(`status ${response.status()}, expected ${page0.status ?? 200}`);
    // Lazy images load when scrolled to; the screenshot should show them.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(r));
      }
      scrollTo(0, 0);
    });
    await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 10000 })
      .catch(() => problems.push('images still loading after 10 s'));
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    if (overflow > 0) {
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
        .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`));
      problems.push(`horizontal scrolling: ${overflow} px wider than the screen (${wide.join(', ')})`);
    }
    const file = path.join(shots, `${site.name === 'api' ? '' : `${site.name}-`}${site.signedIn ? 'signed-in-' : ''}${page0.name}-${size.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const { serious, minor } = await axeResults(page);
    for (const v of serious) {
      problems.push(`axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
    }
    // A signed-out visit to a signed-in page goes to the login page: the line says so.
    const landed = new URL(page.url()).pathname === new URL(url).pathname ? '' : `  → ${new URL(page.url()).pathname}`;
    if (site.signedIn && landed.includes('/account/login/') && !page0.path.startsWith('account/login/')) {
      problems.push(`signed out: sent to ${page.url()}`);
    }
    return { problems, landed, minor };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- signing in

/** POSTs JSON to the API; returns the parsed answer (or null), failing on an unexpected status. */
async function call(api, method, route, body, token, expect) {
  const response = await fetch(new URL(route.replace(/^\//, ''), api), {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expect) throw new Check(`${method} ${route}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The verification token of the newest email to `email` in the outbox. */
async function verificationToken(outbox, email) {
  for (let i = 0; i < 100; i++) {
    const mails = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort() : [];
    for (const mail of mails.reverse()) {
      const text = fs.readFileSync(path.join(outbox, mail), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const token = text.includes(email) && text.match(/verify-email\/\?token=([\w-]+)/);
      if (token) return token[1];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Check(`no verification email to ${email} in ${outbox}`);
}

/** A verified user with some history, signed in on the site's login page with "remember me". */
async function signIn(site) {
  const page = await context.newPage();
  try {
    await page.goto(new URL('account/login/', site.base).href);
    const api = new URL(`${await page.getAttribute('meta[name="yogaflow-api"]', 'content')}/`);
    const email = 'pages@example.org';
    const password = 'a long enough passphrase 42';
    await call(api, 'POST', 'auth/register', { email, password, display_name: 'Ana' }, null, 202);
    await call(api, 'POST', 'auth/verify-email', { token: await verificationToken(site.outbox, email) }, null, 204);
    const { access_token: token } = await call(api, 'POST', 'auth/login', { email, password }, null, 200);
    await call(api, 'PUT', `me/favorites/poses/${POSE}`, undefined, token, 204);
    await call(api, 'PUT', `me/favorites/sequences/${SEQUENCE}`, undefined, token, 204);
    await call(api, 'POST', 'me/sessions', { sequence: SEQUENCE, duration_seconds: 900, completed: true }, token, 201);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel(/Remember me/).check();
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/account/login/'), { timeout: 15000 }),
      page.getByRole('button', { name: 'Log in' }).click(),
    ]);
    // The page it lands on trades the refresh token for a new one at once; closing the page before
    // the answer arrives would leave the spent token stored, and presenting it again signs out.
    await page.waitForLoadState('networkidle');
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- run

const results = new Results('page tests');
const visits = [];
for (const site of sites) {
  visits.push(site);
  if (site.outbox && fs.existsSync(path.join(site.dir, 'account/login/index.html'))) visits.push({ ...site, signedIn: true });
}
for (const site of visits) {
  const pages = pagesOf(site.dir);
  const label0 = site.signedIn ? `${site.name}, signed in` : site.name;
  if (site.signedIn) {
    try {
      await signIn(site);
      results.ok(`${label0}: registered, verified, a favorite pose and sequence, a session, logged in`);
    } catch (e) {
      results.fail(`${label0}: signing in`, e, '       ');
      continue;
    }
  }
  console.log(`${label0}: ${pages.length} pages at ${site.base.href}: ${pages.map((p) => `/${p.path}`).join(' ')}`);
  for (const page of pages) {
    for (const size of SIZES) {
      const label = `${(site.signedIn ? `${site.name}+in` : site.name).padEnd(9)} /${page.path.padEnd(28)} ${String(size.width).padStart(4)} px`;
      if (skipped(label)) continue; // ONLY matches the whole line: site, path, width
      const t0 = Date.now();
      try {
        const { problems, minor, landed } = await visit(site, page, size);
        if (problems.length) throw new Check(problems.join('\n       '));
        results.ok(`${label}  axe: 0 serious${minor ? `, ${minor} minor/moderate` : ''}  (${Date.now() - t0} ms)${landed}`);
      } catch (e) {
        results.fail(`${label}  (${Date.now() - t0} ms)`, e, '       ');
      }
    }
  }
}
await closePersistent(context);
process.exit(results.finish());
