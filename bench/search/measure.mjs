// Measures one built site for bench/search/run.sh: index sizes on disk, and in headless Chromium
// the bytes a first query downloads and the time queries take, for YogaFlow's browser index and
// for Pagefind's index of the same pages.
//   node measure.mjs SITE_DIR BASE_URL QUERIES_FILE OUT_JSON
// SITE_DIR is served at BASE_URL (by `yogaflow serve`); Pagefind's index is in SITE_DIR/pagefind.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const [site, baseUrl, queriesFile, outFile] = process.argv.slice(2);
const queries = fs.readFileSync(queriesFile, 'utf8').split('\n').map((q) => q.trim()).filter(Boolean);
const base = new URL(baseUrl);

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const raw = (file) => fs.statSync(file).size;
function sizes(dir) {
  let rawBytes = 0;
  let gzBytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    if (!fs.statSync(file).isFile()) continue;
    files++;
    rawBytes += raw(file);
    gzBytes += gz(file);
  }
  return { files, raw: rawBytes, gzip: gzBytes };
}
const fileOf = (url) => path.join(site, decodeURIComponent(new URL(url).pathname));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// What the library page links: the search script and the index manifest.
const libraryHtml = fs.readFileSync(path.join(site, 'poses/index.html'), 'utf8');
const manifestUrl = new URL(libraryHtml.match(/data-index="([^"]+)"/)[1], base).href;
const scriptUrl = new URL(libraryHtml.match(/<script type="module" src="([^"]+)"/)[1], base).href;
const scriptFile = fileOf(scriptUrl);

// Two small pages beside the site: each runs one engine's query given in ?q= and reports.
fs.writeFileSync(path.join(site, 'bench-yogaflow.html'), `<!DOCTYPE html><meta charset="utf-8"><title>bench</title>
<script type="module">
const { SearchIndex } = await import(${JSON.stringify(scriptUrl)});
const load = async (url) => (await fetch(url)).json();
const index = await SearchIndex.open(${JSON.stringify(manifestUrl)}, load);
window.engine = { search: async (q) => (await index.search(q)).slice(0, 20) };
const q = new URLSearchParams(location.search).get('q');
if (q !== null) { const hits = await window.engine.search(q); document.title = 'done ' + hits.length; }
else document.title = 'ready';
</script>`);
fs.writeFileSync(path.join(site, 'bench-pagefind.html'), `<!DOCTYPE html><meta charset="utf-8"><title>bench</title>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
// "First results" for Pagefind: the search plus the data of the first 10 results it shows.
window.engine = { search: async (q) => { const r = await pagefind.search(q); return Promise.all(r.results.slice(0, 10).map((x) => x.data())); } };
const q = new URLSearchParams(location.search).get('q');
if (q !== null) { const hits = await window.engine.search(q); document.title = 'done ' + hits.length; }
else document.title = 'ready';
</script>`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Bytes (as stored, and gzipped) of the files a fresh browser fetches for one query. */
async function firstQuery(page, q, counts) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const urls = new Set();
  tab.on('request', (r) => { if (counts(r.url())) urls.add(r.url()); });
  await tab.goto(new URL(`${page}?q=${encodeURIComponent(q)}`, base).href);
  await tab.waitForFunction(() => document.title.startsWith('done'), null, { timeout: 60000 });
  const files = [...urls].map(fileOf);
  await context.close();
  return { files: files.length, raw: files.reduce((s, f) => s + raw(f), 0), gzip: files.reduce((s, f) => s + gz(f), 0) };
}

/** Milliseconds per query on one page: the first run of each query (cold: it fetches what it needs) and warm runs. */
async function timing(page) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(new URL(page, base).href);
  await tab.waitForFunction(() => document.title === 'ready', null, { timeout: 60000 });
  const result = await tab.evaluate(async (qs) => {
    const cold = [];
    const warm = [];
    for (const q of qs) {
      const t0 = performance.now();
      await window.engine.search(q);
      cold.push(performance.now() - t0);
    }
    for (const q of qs) {
      const runs = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await window.engine.search(q);
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      warm.push(runs[3]);
    }
    return { cold, warm };
  }, queries);
  await context.close();
  return result;
}

const out = { site, queries: queries.length };
out.yogaflow = { index: sizes(path.join(site, 'assets/search')), script: { raw: raw(scriptFile), gzip: gz(scriptFile) } };
out.pagefind = { index: sizes(path.join(site, 'pagefind')) };

for (const [name, page, counts] of [
  ['yogaflow', 'bench-yogaflow.html', (u) => u.includes('/assets/search/') || u === scriptUrl],
  ['pagefind', 'bench-pagefind.html', (u) => u.includes('/pagefind/')],
]) {
  const first = [];
  for (const q of queries) first.push(await firstQuery(page, q, counts));
  const t = await timing(page);
  out[name].firstQuery = {
    medianGzip: median(first.map((f) => f.gzip)),
    maxGzip: Math.max(...first.map((f) => f.gzip)),
    medianRaw: median(first.map((f) => f.raw)),
    maxRaw: Math.max(...first.map((f) => f.raw)),
    medianFiles: median(first.map((f) => f.files)),
  };
  out[name].queryMs = { coldMedian: median(t.cold), warmMedian: median(t.warm), warmMax: Math.max(...t.warm) };
}
await browser.close();
fs.rmSync(path.join(site, 'bench-yogaflow.html'));
fs.rmSync(path.join(site, 'bench-pagefind.html'));
fs.writeFileSync(outFile, JSON.stringify(out, null, 2));
