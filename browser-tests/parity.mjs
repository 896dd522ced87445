// Runs the browser's search (site-theme/assets/search.js) in Node, for BrowserParityTest.
//   node parity.mjs REQUEST.json RESPONSE.json
// REQUEST: {script: path of search.js, manifest: path of the index manifest,
//           queries: [text…], texts: [text…]}
// RESPONSE: {results: {query: [[id, score]…]}, terms: [[raw terms of each text]…],
//            forms: {raw term: [stem, sanskrit form]}}
import fs from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [requestFile, responseFile] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
// search.js is an ES module without a package.json saying so; import its text as one.
const source = fs.readFileSync(request.script, 'utf8');
const search = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const load = async (url) => JSON.parse(fs.readFileSync(fileURLToPath(url), 'utf8'));
const index = await search.SearchIndex.open(pathToFileURL(request.manifest).href, load);

const results = {};
for (const q of request.queries) {
  results[q] = (await index.search(q)).map((h) => [h.id, h.score]);
}
const terms = request.texts.map((t) => index.analysis.terms(t));
const forms = {};
for (const list of terms) {
  for (const raw of list) forms[raw] ??= [index.analysis.stem(raw), search.sanskrit(raw)];
}
fs.writeFileSync(responseFile, JSON.stringify({ results, terms, forms }));
