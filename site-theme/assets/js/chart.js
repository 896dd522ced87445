// The dashboard's minutes-per-week bar chart, drawn as SVG. It is one image to assistive
// technology (role="img" with a title and a description summing it up); the page's table holds
// every number, and each bar has a <title> for pointer users.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text = null) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== null) e.textContent = text;
  return e;
}

/** weeks: [{week_start: '2026-11-02', minutes}] oldest first; returns the <svg>. */
export function weekChart(weeks, label) {
  const W = 400;
  const H = 200;
  const pad = { top: 12, right: 4, bottom: 32, left: 32 };
  const max = Math.max(10, ...weeks.map((w) => w.minutes));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const slot = plotW / Math.max(weeks.length, 1);
  const y = (m) => pad.top + plotH - (m / top) * plotH;

  const total = weeks.reduce((n, w) => n + w.minutes, 0);
  const best = weeks.reduce((b, w) => (w.minutes > (b?.minutes ?? -1) ? w : b), null);
  const id = `chart-${Math.random().toString(36).slice(2, 8)}`;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'week-chart',
    'aria-labelledby': `${id}-title ${id}-desc` });
  root.append(svg('title', { id: `${id}-title` }, label));
  root.append(svg('desc', { id: `${id}-desc` }, weeks.length
    ? `${total} minutes over ${weeks.length} weeks; the most, ${best.minutes} minutes, in the week of ${day(best.week_start)}.`
    : 'No weeks to show.'));

  for (let m = 0; m <= top; m += step) {
    root.append(svg('line', { x1: pad.left, x2: W - pad.right, y1: y(m), y2: y(m), class: m ? 'grid' : 'axis' }));
    root.append(svg('text', { x: pad.left - 6, y: y(m) + 4, class: 'tick', 'text-anchor': 'end' }, String(m)));
  }
  weeks.forEach((w, i) => {
    const x = pad.left + i * slot + slot * 0.15;
    const h = Math.max(w.minutes ? 2 : 0, plotH - (y(w.minutes) - pad.top));
    const bar = svg('rect', { x, y: pad.top + plotH - h, width: slot * 0.7, height: h, rx: 3, class: 'bar' });
    bar.append(svg('title', {}, `Week of ${day(w.week_start)}: ${w.minutes} min`));
    root.append(bar);
    if (i % 2 === weeks.length % 2 || weeks.length <= 6) {
      root.append(svg('text', { x: x + slot * 0.35, y: H - pad.bottom + 18, class: 'tick', 'text-anchor': 'middle' },
        shortDay(w.week_start)));
    }
  });
  return root;
}

function niceStep(max) {
  for (const s of [5, 10, 15, 30, 60, 120, 300, 600]) if (max / s <= 5) return s;
  return Math.ceil(max / 5);
}

const date = (iso) => new Date(`${iso}T12:00:00`);
export const day = (iso) => date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = (iso) => date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
