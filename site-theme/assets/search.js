// YogaFlow library search. One file on purpose: theme assets are published under content-hashed
// names, so modules could not import each other by name. Three parts:
//   1. analysis: the rules of generator/.../search/Analysis.java, re-implemented (tested equal);
//   2. SearchIndex: loads the manifest and the index shards a query needs, ranks like Lucene;
//   3. the library page: search box, filters, tabs, URL state, pages of 20 with infinite scroll.
// Parts 1 and 2 also run in Node (the parity test and the benchmark import this file).

// ---------------------------------------------------------------- 1. analysis

const TOKEN = /[\p{L}\p{M}'’]+|\p{Nd}+/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** The analysis rules, with the tables (stop words, numerals, folded letters) from the manifest. */
export function createAnalysis(tables) {
  const stop = new Set(tables.stopWords);
  const numerals = new Map(Object.entries(tables.numerals));
  const fold = new Map(Object.entries(tables.fold));
  const stems = new Map();

  function normalize(token) {
    let t = token.toLowerCase();
    if (NON_ASCII.test(t)) {
      t = t.normalize('NFD').replace(MARKS, '');
      let folded = '';
      for (const c of t) folded += fold.get(c) ?? c;
      t = folded.replaceAll('’', "'");
    }
    if (t.includes("'")) {
      if (t.endsWith("'s")) t = t.slice(0, -2);
      t = t.replaceAll("'", '');
    }
    if (t === '') return null;
    if (t.length > 1 && t[0] === '0' && /^[0-9]+$/.test(t)) t = t.replace(/^0+(?=.)/, '');
    t = numerals.get(t) ?? t;
    return stop.has(t) ? null : t;
  }

  return {
    /** Raw terms of a text: tokens, lower case, no diacritics, numerals as digits, no stop words. */
    terms(text) {
      const out = [];
      for (const match of String(text ?? '').matchAll(TOKEN)) {
        const term = normalize(match[0]);
        if (term !== null) out.push(term);
      }
      return out;
    },
    sanskrit,
    /** Porter stem, memoized (index terms are stemmed many times). */
    stem(raw) {
      let s = stems.get(raw);
      if (s === undefined) {
        s = porter(raw);
        stems.set(raw, s);
      }
      return s;
    },
  };
}

/** Transliteration variants meet: sh → s, ch → c, doubled vowels single, ri before a consonant → r. */
export function sanskrit(raw) {
  return raw.replaceAll('sh', 's').replaceAll('ch', 'c')
    .replace(/([aeiou])\1+/g, '$1')
    .replace(/ri(?=[bcdfghjklmnpqrstvwxyz])/g, 'r');
}

/**
 * Martin Porter's 1980 stemmer, in the form of his reference implementation (which Lucene's
 * PorterStemFilter uses), including its "logi" rule: words of one or two letters stay as they are.
 */
export function porter(word) {
  if (word.length <= 2) return word;
  const b = word.split(''); // UTF-16 units, as Lucene's char[]
  let k = b.length - 1;
  let j = 0;

  const cons = (i) => {
    switch (b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u': return false;
      case 'y': return i === 0 ? true : !cons(i - 1);
      default: return true;
    }
  };
  // m: the number of vowel-consonant sequences in b[0..j]
  const m = () => {
    let n = 0;
    let i = 0;
    for (;;) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
    }
  };
  const vowelInStem = () => {
    for (let i = 0; i <= j; i++) if (!cons(i)) return true;
    return false;
  };
  const doubleC = (i) => i >= 1 && b[i] === b[i - 1] && cons(i);
  const cvc = (i) => {
    if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    return b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
  };
  const ends = (s) => {
    const o = k - s.length + 1;
    if (o < 0) return false;
    for (let i = 0; i < s.length; i++) if (b[o + i] !== s[i]) return false;
    j = k - s.length;
    return true;
  };
  const setTo = (s) => {
    for (let i = 0; i < s.length; i++) b[j + 1 + i] = s[i];
    k = j + s.length;
  };
  const r = (s) => { if (m() > 0) setTo(s); };
  // Each rule list is tried in order; the first suffix that ends the word decides.
  const rules = (list) => {
    for (const [suffix, replacement] of list) {
      if (ends(suffix)) {
        r(replacement);
        return;
      }
    }
  };

  // step 1: plurals, -ed, -ing
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setTo('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
    k = j;
    if (ends('at')) setTo('ate');
    else if (ends('bl')) setTo('ble');
    else if (ends('iz')) setTo('ize');
    else if (doubleC(k)) {
      const ch = b[k];
      k--;
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setTo('e');
  }
  // step 2: terminal y to i when the stem has a vowel
  if (ends('y') && vowelInStem()) b[k] = 'i';
  // step 3: double suffixes to single ones
  if (k !== 0) {
    switch (b[k - 1]) {
      case 'a': rules([['ational', 'ate'], ['tional', 'tion']]); break;
      case 'c': rules([['enci', 'ence'], ['anci', 'ance']]); break;
      case 'e': rules([['izer', 'ize']]); break;
      case 'l': rules([['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']]); break;
      case 'o': rules([['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']]); break;
      case 's': rules([['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']]); break;
      case 't': rules([['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']]); break;
      case 'g': rules([['logi', 'log']]); break;
      default: break;
    }
  }
  // step 4: -ic-, -full, -ness
  switch (b[k]) {
    case 'e': rules([['icate', 'ic'], ['ative', ''], ['alize', 'al']]); break;
    case 'i': rules([['iciti', 'ic']]); break;
    case 'l': rules([['ical', 'ic'], ['ful', '']]); break;
    case 's': rules([['ness', '']]); break;
    default: break;
  }
  // step 5: -ant, -ence and the like, in longer words
  if (k !== 0) {
    let found = false;
    switch (b[k - 1]) {
      case 'a': found = ends('al'); break;
      case 'c': found = ends('ance') || ends('ence'); break;
      case 'e': found = ends('er'); break;
      case 'i': found = ends('ic'); break;
      case 'l': found = ends('able') || ends('ible'); break;
      case 'n': found = ends('ant') || ends('ement') || ends('ment') || ends('ent'); break;
      case 'o': found = (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) || ends('ou'); break;
      case 's': found = ends('ism'); break;
      case 't': found = ends('ate') || ends('iti'); break;
      case 'u': found = ends('ous'); break;
      case 'v': found = ends('ive'); break;
      case 'z': found = ends('ize'); break;
      default: break;
    }
    if (found && m() > 1) k = j;
  }
  // step 6: a final -e, and -ll to -l, in longer words
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doubleC(k) && m() > 1) k--;
  return b.slice(0, k + 1).join('');
}

/** At most one edit (insert, delete, substitute, swap of neighbours) apart, by code points. */
export function withinOneEdit(a, b) {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length) return true;
  const same = (x, y) => {
    for (; x < a.length; x++, y++) if (a[x] !== b[y]) return false;
    return true;
  };
  if (a.length === b.length) {
    if (same(i + 1, i + 1)) return true;
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && same(i + 2, i + 2);
  }
  return same(i, i + 1);
}

// ---------------------------------------------------------------- 2. the index

const LAST = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~*+';
const DIGIT = new Map([...LAST].map((c, i) => [c, i]).concat([...MORE].map((c, i) => [c, 32 + i])));

/** Document ids from the index's gap encoding (see Postings.java). */
export function decodePostings(s) {
  const out = [];
  let value = 0;
  let previous = -1;
  for (let i = 0; i < s.length; i++) {
    const d = DIGIT.get(s[i]);
    if (d >= 32) {
      value = value * 32 + (d - 32);
    } else {
      previous += value * 32 + d + 1;
      out.push(previous);
      value = 0;
    }
  }
  return out;
}

const fileKey = (term) => (term.length <= 2 ? term : term.slice(0, 2));

/**
 * The browser index of a built site. `load(url)` returns parsed JSON (fetch in the browser, a
 * file read in Node). Only the shards a query needs are loaded, once each.
 */
export class SearchIndex {
  static async open(manifestUrl, load) {
    return new SearchIndex(await load(manifestUrl), manifestUrl, load);
  }

  constructor(manifest, manifestUrl, load) {
    this.manifest = manifest;
    this.poses = manifest.poses;
    this.sequences = manifest.sequences;
    this.size = manifest.poses + manifest.sequences;
    this.analysis = createAnalysis(manifest.analysis);
    this.ranking = manifest.ranking;
    const files = new URL(manifest.files, manifestUrl); // the shards' folder, relative to the manifest
    this.url = (name) => new URL(name, files).href;
    this.load = load;
    this.files = new Map(); // url → Promise of parsed shard
    this.decoded = new Map(); // postings string → ids
    this.codePoints = new Map(); // term → its code points, for typo matching
  }

  pointsOf(term) {
    let p = this.codePoints.get(term);
    if (!p) {
      p = [...term];
      this.codePoints.set(term, p);
    }
    return p;
  }

  file(name) {
    const url = this.url(name);
    let p = this.files.get(url);
    if (!p) {
      p = this.load(url);
      p.catch(() => this.files.delete(url)); // a failed load may be retried
      this.files.set(url, p);
    }
    return p;
  }

  /** The shards of a list ([[first key, hash], …]) whose keys may start with `prefix`. */
  shardsFor(list, prefix, kind) {
    const index = (key) => {
      let lo = 0;
      let hi = list.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (list[mid][0] <= key) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const from = index(fileKey(prefix));
    const to = prefix.length >= 2 ? from : index(prefix + '\uffff');
    const names = [];
    for (let i = from; i <= to; i++) names.push(`${kind}.${list[i][1]}.json`);
    return names;
  }

  postings(s) {
    let ids = this.decoded.get(s);
    if (!ids) {
      ids = decodePostings(s);
      this.decoded.set(s, ids);
    }
    return ids;
  }

  /** The query's words and their forms, as LuceneSearcher.query makes them. */
  plan(text) {
    const a = this.analysis;
    const words = a.terms(text).slice(0, this.ranking.maxWords);
    return {
      words: words.map((raw) => ({ raw, sanskrit: a.sanskrit(raw), stem: a.stem(raw) })),
      whole: { raw: words.join(' '), sanskrit: words.map(a.sanskrit).join(' ') },
    };
  }

  /** The files a query needs: name shards by each form's first letters, text shards by stem. */
  filesFor(plan) {
    const min = this.ranking.fuzzyMinLength;
    const names = new Set();
    const wanted = (form) => {
      const long = [...form].length >= min;
      const prefix = long ? form.slice(0, this.ranking.fuzzyPrefix) : form;
      for (const f of this.shardsFor(this.manifest.names, prefix, 'n')) names.add(f);
    };
    for (const w of plan.words) {
      wanted(w.raw);
      wanted(w.sanskrit);
      for (const f of this.shardsFor(this.manifest.names, w.stem, 'n')) names.add(f);
      for (const f of this.shardsFor(this.manifest.text, w.stem, 't')) names.add(f);
    }
    if (plan.words.length) {
      wanted(plan.whole.raw);
      wanted(plan.whole.sanskrit);
    }
    return [...names];
  }

  /** Ranked ids ([{id, score}], best first) of every document that matches every word. */
  async search(text) {
    const plan = this.plan(text);
    if (!plan.words.length) return [];
    const shards = await Promise.all(this.filesFor(plan).map((f) => this.file(f)));
    return this.rank(plan, shards);
  }

  rank(plan, shards) {
    const r = this.ranking;
    const total = new Float64Array(this.size);
    let alive = null; // ids matching every word so far
    for (const word of plan.words) {
      const best = new Float64Array(this.size);
      for (const group of r.words) this.match(group, word, shards, best);
      const next = [];
      if (alive === null) {
        for (let id = 0; id < best.length; id++) if (best[id] > 0) next.push(id);
      } else {
        for (const id of alive) if (best[id] > 0) next.push(id);
      }
      for (const id of next) total[id] += best[id];
      alive = next;
      if (!alive.length) return [];
    }
    const bonus = new Float64Array(this.size);
    for (const group of r.whole) {
      const form = group.form === 'whole_sanskrit' ? plan.whole.sanskrit : plan.whole.raw;
      this.match(group, { raw: form, sanskrit: form, stem: form }, shards, bonus);
    }
    const hits = alive.map((id) => ({ id, score: total[id] + bonus[id] }));
    hits.sort((x, y) => y.score - x.score || x.id - y.id);
    return hits;
  }

  /** Raises best[id] to the group's weight for every document the word matches in the group. */
  match(group, word, shards, best) {
    const a = this.analysis;
    const stemmed = group.form === 'word';
    const exactOnly = group.form === 'stem';
    const form = group.form === 'sanskrit' ? word.sanskrit : exactOnly ? word.stem : word.raw;
    const points = [...form];
    const fuzzy = group.fuzzy > 0 && points.length >= this.ranking.fuzzyMinLength;
    const first = points.slice(0, this.ranking.fuzzyPrefix).join('');
    for (const shard of shards) {
      const terms = shard[group.field];
      if (!terms) continue;
      for (const term in terms) {
        let weight = 0;
        if (stemmed ? a.stem(term) === word.stem : term === form) weight = group.exact;
        if (!exactOnly) {
          if (group.prefix > weight && term.startsWith(form)) weight = group.prefix;
          if (fuzzy && group.fuzzy > weight && term.startsWith(first)) {
            const other = this.pointsOf(term);
            if (Math.abs(other.length - points.length) <= 1 && withinOneEdit(points, other)) weight = group.fuzzy;
          }
        }
        if (weight === 0) continue;
        for (const id of this.postings(terms[term])) if (best[id] < weight) best[id] = weight;
      }
    }
  }

  /** Facets of every document: level per id, category per pose (-1: none), body areas per pose. */
  async facets() {
    if (!this.facetData) {
      this.facetData = this.file(this.manifest.facets).then((f) => {
        const level = new Int8Array(this.size).fill(-1);
        f.level.forEach((p, i) => { for (const id of this.postings(p)) level[id] = i; });
        const category = new Int8Array(this.poses).fill(-1);
        f.category.forEach((p, i) => { for (const id of this.postings(p)) category[id] = i; });
        const area = f.area.map((p) => new Set(this.postings(p)));
        return { level, category, area };
      });
    }
    return this.facetData;
  }

  /** What sequence results show: [{slug, title, level, minutes, steps}], by id − poses. */
  async sequenceList() {
    if (!this.sequenceData) {
      this.sequenceData = this.file(this.manifest.sequenceList).then((rows) =>
        rows.map(([slug, title, level, minutes, steps]) => ({ slug, title, level, minutes, steps })));
    }
    return this.sequenceData;
  }
}

// ---------------------------------------------------------------- 3. the library page

const PAGE = 20;
const DEBOUNCE_MS = 300;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** The library page's state; also what the URL query string holds. */
function readState(search) {
  const p = new URLSearchParams(search);
  const list = (v) => (v ? v.split(',').filter(Boolean) : []);
  return {
    q: p.get('q') ?? '',
    level: p.get('level') ?? '',
    area: list(p.get('area')),
    category: p.get('category') ?? '',
    sort: p.get('sort') ?? '',
    tab: p.get('tab') === 'sequences' ? 'sequences' : 'poses',
    pages: Math.max(1, Math.min(500, parseInt(p.get('pages') ?? '1', 10) || 1)),
  };
}

function writeState(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.level) p.set('level', s.level);
  if (s.area.length) p.set('area', s.area.join(','));
  if (s.category) p.set('category', s.category);
  if (s.sort) p.set('sort', s.sort);
  if (s.tab !== 'poses') p.set('tab', s.tab);
  if (s.pages > 1) p.set('pages', String(s.pages));
  const query = p.toString().replaceAll('%2C', ',');
  return query ? `?${query}` : location.pathname;
}

class LibraryPage {
  constructor(root) {
    this.root = root;
    this.tools = root.querySelector('.library-tools');
    this.input = root.querySelector('#library-q');
    this.list = root.querySelector('#library-list');
    this.status = root.querySelector('#library-status');
    this.panel = root.querySelector('#library-results');
    this.cards = [...this.list.children]; // server-rendered, in slug order = pose ids
    this.names = this.cards.map((c) => c.querySelector('.card-name')?.textContent.trim() ?? '');
    const levels = ['beginner', 'intermediate', 'advanced'];
    this.levels = this.cards.map((c) => levels.findIndex((l) => c.querySelector(`.badge-${l}`)));
    this.collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    this.byName = this.cards.map((_, i) => i).sort((a, b) => this.collator.compare(this.names[a], this.names[b]) || a - b);
    this.state = readState(location.search);
    this.lastChange = '';
    this.generation = 0;
  }

  async start() {
    this.index = await SearchIndex.open(new URL(this.root.dataset.index, document.baseURI).href, async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    });
    if (this.index.poses !== this.cards.length) {
      throw new Error(`index has ${this.index.poses} poses, the page ${this.cards.length}`);
    }
    this.buildControls();
    this.loadPopularity();
    this.tools.hidden = false;
    this.root.classList.add('enhanced');
    this.syncControls();
    window.addEventListener('popstate', () => {
      this.state = readState(location.search);
      this.lastChange = '';
      this.syncControls();
      this.update();
    });
    await this.update();
  }

  // ---- controls

  buildControls() {
    const labels = this.index.manifest.labels;
    this.labels = labels;
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.change({ q: this.input.value.trim() }, 'q'), DEBOUNCE_MS);
    });
    this.root.querySelector('#library-search').addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.timer);
      this.change({ q: this.input.value.trim() }, 'q');
    });

    const levelBox = this.root.querySelector('.filter-level');
    const levelOptions = [['', 'All'], ...labels.level];
    levelOptions.forEach(([slug, label]) => {
      const id = `library-level-${slug || 'all'}`;
      levelBox.append(el('span', { class: 'choice' },
        el('input', { type: 'radio', name: 'level', id, value: slug,
          onchange: () => this.change({ level: slug }) }),
        el('label', { for: id, text: label })));
    });

    const chips = this.root.querySelector('.filter-area .chips');
    labels.area.forEach(([slug, label]) => {
      chips.append(el('button', { type: 'button', class: 'chip', 'data-area': slug, 'aria-pressed': 'false',
        onclick: () => {
          const area = this.state.area.includes(slug)
            ? this.state.area.filter((a) => a !== slug) : [...this.state.area, slug];
          this.change({ area });
        } }, label));
    });

    const category = this.root.querySelector('#library-category');
    labels.category.forEach(([slug, label]) => category.append(el('option', { value: slug, text: label })));
    category.addEventListener('change', () => this.change({ category: category.value }));

    const sort = this.root.querySelector('#library-sort');
    sort.addEventListener('change', () => this.change({ sort: sort.value }));

    this.tabs = [...this.root.querySelectorAll('[role="tab"]')];
    this.tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => this.change({ tab: tab.dataset.tab }));
      tab.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        const next = this.tabs[(i + step + this.tabs.length) % this.tabs.length];
        next.focus();
        this.change({ tab: next.dataset.tab });
      });
    });

    // Filters: inline on wide screens, a drawer on small ones.
    this.drawer = this.root.querySelector('#library-filters');
    this.toggle = this.root.querySelector('.filters-toggle');
    this.toggle.addEventListener('click', () => this.openDrawer(!this.drawer.classList.contains('open')));
    this.root.querySelector('.filters-close').addEventListener('click', () => this.openDrawer(false));
    this.root.querySelector('.filters-done').addEventListener('click', () => this.openDrawer(false));
    this.drawer.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.openDrawer(false);
      if (e.key !== 'Tab' || !this.drawer.classList.contains('open')) return;
      // While the drawer covers the page, Tab cycles inside it.
      const focusable = [...this.drawer.querySelectorAll('button, input, select')].filter((x) => x.offsetParent && !x.disabled);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    });
    document.addEventListener('click', (e) => {
      if (this.drawer.classList.contains('open') && !this.drawer.contains(e.target) && !this.toggle.contains(e.target)) {
        this.openDrawer(false);
      }
    });

    this.more = this.root.querySelector('.load-more');
    // A click from the keyboard (detail 0) moves focus to the first new result.
    this.more.addEventListener('click', (e) => this.loadMore(e.detail === 0));
    this.moreRow = this.root.querySelector('.load-more-row');
    if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => {
        if (entries[entries.length - 1].isIntersecting && !this.moreRow.hidden) this.loadMore(false);
      }, { rootMargin: '400px 0px' });
      this.observer.observe(this.moreRow);
    }
    this.root.querySelector('.active-filters').addEventListener('click', (e) => {
      const button = e.target.closest('button[data-clear]');
      if (button) this.clear(button.dataset.clear, button.dataset.value);
    });
  }

  /**
   * "Sort by popularity" needs the account API's counts (favorites per pose, sessions per
   * sequence): the option stays hidden on a site without the API, or while it cannot be reached.
   */
  async loadPopularity() {
    const api = document.querySelector('meta[name="yogaflow-api"]')?.content.replace(/\/+$/, '');
    if (!api) return;
    try {
      const response = await fetch(`${api}/popular`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      this.popularity = {
        poses: new Map(data.poses.map((p) => [p.slug, p.favorites])),
        sequences: new Map(data.sequences.map((q) => [q.slug, q.sessions])),
      };
    } catch (e) {
      console.info('popularity unavailable:', e.message);
      return;
    }
    this.slugs = this.cards.map((c) => c.querySelector('a')?.getAttribute('href').split('/').filter(Boolean).pop());
    const option = this.root.querySelector('#library-sort option[value="popularity"]');
    option.hidden = false;
    option.disabled = false;
    if (this.state.sort === 'popularity') {
      this.syncControls();
      await this.update();
    }
  }

  openDrawer(open) {
    this.drawer.classList.toggle('open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('drawer-open', open);
    if (open) this.drawer.querySelector('.filters-close').focus();
    else if (getComputedStyle(this.toggle).display !== 'none') this.toggle.focus();
  }

  syncControls() {
    const s = this.state;
    this.input.value = s.q;
    for (const radio of this.root.querySelectorAll('input[name="level"]')) radio.checked = radio.value === s.level;
    for (const chip of this.root.querySelectorAll('.chip')) {
      chip.setAttribute('aria-pressed', String(s.area.includes(chip.dataset.area)));
    }
    this.root.querySelector('#library-category').value = s.category;
    // Without a query the default order is by name, so "Name" is not offered twice.
    const sort = this.root.querySelector('#library-sort');
    sort.querySelector('option[value=""]').textContent = s.q ? 'Best match' : 'Name';
    sort.querySelector('option[value="name"]').hidden = !s.q;
    sort.value = !s.q && s.sort === 'name' ? '' : s.sort;
    for (const tab of this.tabs) {
      const selected = tab.dataset.tab === s.tab;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', `library-tab-${s.tab}`);
    this.renderActive();
  }

  renderActive() {
    const s = this.state;
    const box = this.root.querySelector('.active-filters');
    const chips = [];
    const label = (list, slug) => list.find(([v]) => v === slug)?.[1] ?? slug;
    if (s.q) chips.push(['q', '', `Search: “${s.q}”`]);
    if (s.level) chips.push(['level', '', `Difficulty: ${label(this.labels.level, s.level)}`]);
    for (const a of s.area) chips.push(['area', a, `Body area: ${label(this.labels.area, a)}`]);
    if (s.category) chips.push(['category', '', `Category: ${label(this.labels.category, s.category)}`]);
    box.replaceChildren();
    if (!chips.length) {
      box.hidden = true;
    } else {
      box.hidden = false;
      box.append(el('span', { class: 'active-label', text: 'Active:' }));
      for (const [key, value, text] of chips) {
        box.append(el('button', { type: 'button', class: 'active-chip', 'data-clear': key, 'data-value': value,
          'aria-label': `Remove ${text}` }, text, el('span', { 'aria-hidden': 'true', text: ' ×' })));
      }
      if (chips.length > 1) {
        box.append(el('button', { type: 'button', class: 'clear-all', 'data-clear': 'all', text: 'Clear all' }));
      }
    }
    const count = (s.level ? 1 : 0) + s.area.length + (s.category ? 1 : 0);
    this.toggle.querySelector('.filters-count').textContent = count ? ` (${count})` : '';
  }

  clear(key, value) {
    if (key === 'all') this.change({ q: '', level: '', area: [], category: '' });
    else if (key === 'area') this.change({ area: this.state.area.filter((a) => a !== value) });
    else this.change({ [key]: key === 'area' ? [] : '' });
    this.input.focus();
  }

  /** Applies a change of state: new URL entry (typing replaces its own entry), then results. */
  change(patch, kind = 'filter') {
    const next = { ...this.state, ...patch, pages: 1 };
    if ('q' in patch && patch.q === this.state.q && Object.keys(patch).length === 1) return;
    const url = writeState(next);
    if (kind === 'q' && this.lastChange === 'q') history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.lastChange = kind;
    this.state = next;
    this.syncControls();
    return this.update();
  }

  // ---- results

  /** Recomputes the result lists for the current state and shows its pages. */
  async update() {
    const generation = ++this.generation;
    const s = this.state;
    const needFacets = Boolean(s.level || s.area.length || s.category || s.tab === 'sequences');
    if (s.q || needFacets) this.showSkeleton();
    let poses;
    let sequences;
    try {
      const hits = s.q ? await this.index.search(s.q) : null;
      const facets = needFacets ? await this.index.facets() : null;
      const seqList = s.tab === 'sequences' ? await this.index.sequenceList() : null;
      if (generation !== this.generation) return; // a newer state won
      ({ poses, sequences } = this.filter(hits, facets));
      this.seqList = seqList;
    } catch (e) {
      if (generation !== this.generation) return;
      this.hideSkeleton();
      this.status.textContent = 'Search is not available right now; all poses are listed below.';
      this.showAll();
      console.warn('library search failed:', e);
      return;
    }
    this.results = { poses, sequences };
    this.hideSkeleton();
    this.render();
  }

  filter(hits, facets) {
    const s = this.state;
    const P = this.index.poses;
    const levelIndex = this.labels.level.findIndex(([slug]) => slug === s.level);
    const categoryIndex = this.labels.category.findIndex(([slug]) => slug === s.category);
    const areaIndexes = s.area.map((a) => this.labels.area.findIndex(([slug]) => slug === a)).filter((i) => i >= 0);
    const level = (id) => (id < P ? this.levels[id] : facets.level[id]);
    const keepPose = (id) => (levelIndex < 0 || level(id) === levelIndex)
      && (categoryIndex < 0 || facets.category[id] === categoryIndex)
      && (!areaIndexes.length || areaIndexes.some((i) => facets.area[i].has(id)));
    const keepSequence = (id) => levelIndex < 0 || facets.level[id] === levelIndex;

    let poses;
    let sequences;
    if (hits) {
      poses = hits.filter((h) => h.id < P && keepPose(h.id)).map((h) => h.id);
      sequences = hits.filter((h) => h.id >= P && (!facets || keepSequence(h.id))).map((h) => h.id);
    } else {
      poses = this.byName.filter(keepPose);
      sequences = [];
      for (let id = P; id < this.index.size; id++) if (!facets || keepSequence(id)) sequences.push(id);
    }
    const sort = s.sort || (s.q ? 'relevance' : 'name');
    if (sort === 'name' && hits) poses.sort((a, b) => this.collator.compare(this.names[a], this.names[b]) || a - b);
    if (sort === 'difficulty') poses.sort((a, b) => this.levels[a] - this.levels[b] || this.collator.compare(this.names[a], this.names[b]));
    if (sort === 'popularity' && this.popularity) {
      const favorites = (id) => this.popularity.poses.get(this.slugs[id]) ?? 0;
      poses.sort((a, b) => favorites(b) - favorites(a) || this.collator.compare(this.names[a], this.names[b]));
    }
    this.sortSequences = sort;
    return { poses, sequences };
  }

  render() {
    const s = this.state;
    const { poses, sequences } = this.results;
    const P = this.index.poses;
    const countOf = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    this.tabs[0].querySelector('.tab-count').textContent = ` (${poses.length})`;
    this.tabs[1].querySelector('.tab-count').textContent = ` (${sequences.length})`;
    const showing = s.tab === 'sequences' ? sequences : poses;
    const shown = Math.min(showing.length, s.pages * PAGE);

    this.list.hidden = s.tab !== 'poses';
    if (!this.seqListEl) {
      this.seqListEl = el('ul', { class: 'sequence-results', id: 'library-sequences' });
      this.list.after(this.seqListEl);
    }
    this.seqListEl.hidden = s.tab !== 'sequences';
    if (s.tab === 'poses') {
      this.list.replaceChildren(...poses.slice(0, shown).map((id) => this.cards[id]));
    } else {
      let ordered = sequences;
      if (this.sortSequences === 'popularity' && this.popularity) {
        const sessions = (id) => this.popularity.sequences.get(this.seqList[id - P].slug) ?? 0;
        ordered = [...sequences].sort((a, b) => sessions(b) - sessions(a)
          || this.collator.compare(this.seqList[a - P].title, this.seqList[b - P].title));
      } else if (this.sortSequences === 'name' || this.sortSequences === 'difficulty') {
        ordered = [...sequences].sort((a, b) => {
          const x = this.seqList[a - P];
          const y = this.seqList[b - P];
          return (this.sortSequences === 'difficulty' ? x.level - y.level : 0) || this.collator.compare(x.title, y.title);
        });
      }
      this.results.sequences = ordered;
      this.seqListEl.replaceChildren(...ordered.slice(0, shown).map((id) => this.sequenceItem(this.seqList[id - P])));
    }

    const what = s.tab === 'sequences' ? countOf(showing.length, 'sequence', 'sequences') : countOf(showing.length, 'pose', 'poses');
    const filtered = s.q || s.level || s.area.length || s.category;
    let text = filtered ? `${what} found` : `${what}`;
    if (s.q) text += ` for “${s.q}”`;
    if (showing.length > shown) text += `, showing ${shown}`;
    if (s.tab === 'sequences' && (s.area.length || s.category)) text += '. Body area and category filters apply to poses only';
    this.status.textContent = `${text}.`;

    this.more.parentElement.hidden = shown >= showing.length;
    this.renderEmpty(showing.length === 0, poses.length, sequences.length);
  }

  sequenceItem(seq) {
    const level = this.labels.level[seq.level];
    return el('li', { class: 'sequence-item' },
      el('h3', {}, el('a', { href: `${this.index.manifest.base}sequences/${seq.slug}/`, text: seq.title })),
      el('p', { class: 'meta' },
        el('span', { class: `badge badge-${level[0]}`, text: level[1] }),
        el('span', { text: `${seq.minutes} min` }),
        el('span', { text: `${seq.steps} ${seq.steps === 1 ? 'pose' : 'poses'}` })));
  }

  renderEmpty(empty, poseCount, sequenceCount) {
    const box = this.root.querySelector('.empty-state');
    box.hidden = !empty;
    if (!empty) return;
    const s = this.state;
    const items = [];
    const action = (text, patch) => el('li', {}, el('button', { type: 'button', class: 'link-button', text,
      onclick: () => { this.change(patch); this.input.focus(); } }));
    if (s.tab === 'poses' && sequenceCount) items.push(action(`See ${sequenceCount} matching ${sequenceCount === 1 ? 'sequence' : 'sequences'}`, { tab: 'sequences' }));
    if (s.tab === 'sequences' && poseCount) items.push(action(`See ${poseCount} matching ${poseCount === 1 ? 'pose' : 'poses'}`, { tab: 'poses' }));
    if (s.level || s.area.length || s.category) items.push(action('Remove the filters', { level: '', area: [], category: '' }));
    if (s.q) items.push(action('Clear the search', { q: '' }));
    const examples = [this.labels.area[9], this.labels.area[13], this.labels.category[0]].filter(Boolean);
    const tries = el('p', {}, 'Or try a body area or category: ');
    examples.forEach(([, label], i) => {
      if (i) tries.append(', ');
      tries.append(el('button', { type: 'button', class: 'link-button', text: label,
        onclick: () => { this.change({ q: label, level: '', area: [], category: '' }); this.input.focus(); } }));
    });
    box.replaceChildren(
      el('h2', { text: s.q ? `Nothing matches “${s.q}”` : 'Nothing matches these filters' }),
      el('p', { text: 'Check the spelling, or search for an English or Sanskrit name, a body area or a benefit.' }),
      items.length ? el('ul', { class: 'suggestions' }, ...items) : null,
      tries);
  }

  loadMore(byKeyboard) {
    // Not while an update runs: the results (and the sequence list) may not match the state yet.
    if (!this.results || this.panel.hasAttribute('aria-busy')) return;
    const before = this.state.tab === 'sequences' ? this.seqListEl.children.length : this.list.children.length;
    this.state = { ...this.state, pages: this.state.pages + 1 };
    history.replaceState(null, '', writeState(this.state));
    this.render();
    if (this.observer) {
      // Observing again reports the current position: if the end is still near, load on.
      this.observer.unobserve(this.moreRow);
      this.observer.observe(this.moreRow);
    }
    if (byKeyboard) {
      const list = this.state.tab === 'sequences' ? this.seqListEl : this.list;
      list.children[before]?.querySelector('a')?.focus();
    }
  }

  showSkeleton() {
    this.panel.setAttribute('aria-busy', 'true');
    if (this.skeleton) return;
    this.skeleton = el('ul', { class: 'card-grid skeleton', 'aria-hidden': 'true' },
      ...Array.from({ length: 6 }, () => el('li', { class: 'card skeleton-card' },
        el('span', { class: 'skeleton-image' }), el('span', { class: 'skeleton-line' }),
        el('span', { class: 'skeleton-line short' }))));
    this.list.before(this.skeleton);
    this.list.classList.add('loading');
  }

  hideSkeleton() {
    this.panel.removeAttribute('aria-busy');
    this.skeleton?.remove();
    this.skeleton = null;
    this.list.classList.remove('loading');
  }

  showAll() {
    this.list.hidden = false;
    this.list.replaceChildren(...this.cards);
    if (this.seqListEl) this.seqListEl.hidden = true;
    this.more.parentElement.hidden = true;
  }
}

if (typeof document !== 'undefined') {
  const root = document.getElementById('library');
  if (root && root.dataset.index) {
    const page = new LibraryPage(root);
    page.start().catch((e) => {
      // The server-rendered list stays: without the index the page is the plain library.
      console.warn('library search unavailable:', e);
    });
  }
}
