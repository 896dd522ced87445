// Names and addresses of poses and sequences, from the site's own api/catalog.json, for pages
// that get only slugs from the account API.

import { pageUrl } from './api.js';

let catalog = null;

/** {pose(slug), sequence(slug)} → {name, url}; unknown slugs (removed from the site) keep their slug. */
export async function names(url) {
  catalog ??= fetch(url).then((r) => (r.ok ? r.json() : { poses: [], sequences: [] }))
    .catch(() => ({ poses: [], sequences: [] }));
  const data = await catalog;
  const poses = new Map(data.poses.map((p) => [p.slug, p.name]));
  const sequences = new Map(data.sequences.map((s) => [s.slug, s.title]));
  return {
    pose: (slug) => ({ name: poses.get(slug) ?? slug, url: pageUrl(`poses/${slug}/`) }),
    sequence: (slug) => ({ name: sequences.get(slug) ?? slug, url: pageUrl(`sequences/${slug}/`) }),
  };
}

/** document.createElement with attributes ('text' sets the text) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}
