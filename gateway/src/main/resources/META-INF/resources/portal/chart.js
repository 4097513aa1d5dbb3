// Small SVG charts of our own (no chart library, no build): a level over time, series over time and dated markers.
// Every chart is a <figure>: the SVG has a title and a description in words (role="img"), a "Show as table" button
// opens the same figures as a table, and colour is never the only signal (dash patterns, marker shapes, hatching, text).
import { html, useState, useEffect } from './preact.js';

/** The drawing's width in SVG units: narrower on a phone, so that its text stays readable when the SVG is scaled down. */
let W = 640;
const widthFor = () => (window.innerWidth < 600 ? 380 : 640);
function useChartWidth() {
  const [width, setWidth] = useState(widthFor());
  useEffect(() => {
    const resized = () => setWidth(widthFor());
    addEventListener('resize', resized);
    return () => removeEventListener('resize', resized);
  }, []);
  W = width; // every chart of the page reads the same window: one width for all
  return width;
}
const PAD = { left: 64, right: 56, top: 14, bottom: 34 };

/** The figure around a chart: caption, the SVG with its title/desc, and the table toggle. */
export function ChartFigure({ id, title, summary, height, table, children }) {
  const [open, setOpen] = useState(false);
  return html`<figure class="chart" id=${id} aria-labelledby=${`${id}-caption`}>
    <figcaption id=${`${id}-caption`}>${title}</figcaption>
    <svg class="chart-svg" viewBox=${`0 0 ${W} ${height}`} role="img" aria-labelledby=${`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet">
      <title id=${`${id}-t`}>${title}</title>
      <desc id=${`${id}-d`}>${summary}</desc>
      ${children}
    </svg>
    <p class="chart-summary">${summary}</p>
    <button type="button" class="secondary chart-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`${id}-table`}
      onClick=${() => setOpen(!open)}>${open ? 'Hide the table' : 'Show as table'}</button>
    <div id=${`${id}-table`} class="table-scroll chart-table" hidden=${!open}>${open && table}</div>
  </figure>`;
}

const ms = (t) => (t instanceof Date ? t.getTime() : new Date(t).getTime());
export const isoDay = (t) => new Date(ms(t)).toISOString().slice(0, 10);

/** A linear time scale from..to onto x0..x1, with ticks by month, day or hour (at most ~7 labels). */
function timeScale(from, to, x0 = PAD.left, x1 = W - PAD.right) {
  const a = ms(from);
  const b = Math.max(ms(to), a + 3600000);
  const x = (t) => x0 + ((ms(t) - a) / (b - a)) * (x1 - x0);
  const ticks = [];
  const DAY = 86400000;
  if (b - a > 62 * DAY) {
    const start = new Date(a);
    const months = (new Date(b).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(b).getUTCMonth() - start.getUTCMonth();
    const step = Math.max(1, Math.ceil(months / (W < 500 ? 3 : 6)));
    for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); m.getTime() <= b;
      m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + step, 1))) ticks.push({ t: m, label: isoDay(m).slice(0, 7) });
  } else {
    const unit = b - a > 2 * DAY ? DAY : 3600000;
    const step = unit * Math.max(1, Math.ceil((b - a) / unit / (W < 500 ? 3 : 6)));
    for (let t = Math.ceil(a / step) * step; t <= b; t += step) {
      ticks.push({ t: new Date(t), label: unit === DAY ? isoDay(t).slice(5) : new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) });
    }
  }
  return { x, ticks };
}

function TimeAxis({ scale, y }) {
  return html`<g class="axis" aria-hidden="true">
    <line x1=${PAD.left} x2=${W - PAD.right} y1=${y} y2=${y} />
    ${scale.ticks.map(({ t, label }) => html`<g><line x1=${scale.x(t)} x2=${scale.x(t)} y1=${y} y2=${y + 4} />
      <text x=${scale.x(t)} y=${y + 16} text-anchor="middle">${label}</text></g>`)}
  </g>`;
}

/** Hatching for "at risk" (and other second states): a pattern, not a colour. */
function Hatch({ id }) {
  return html`<defs><pattern id=${id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" class="hatch-bg" /><line x1="0" y1="0" x2="0" y2="6" class="hatch-line" /></pattern></defs>`;
}

const LEVELS = ['NONE', 'SILVER', 'GOLD'];
const LEVEL_WORDS = { NONE: 'None', SILVER: 'Silver', GOLD: 'Gold' };
const CHANGE_WORDS = { ATTAINED: 'attained', RENEWED: 'renewed', AT_RISK: 'at risk', RISK_CLEARED: 'risk cleared', LAPSED: 'lapsed' };

/** The level and at-risk flag after a change (LAPSED names the level it ended). */
export const after = (c) => ({ level: c.change === 'LAPSED' ? 'NONE' : c.level, atRisk: c.change === 'LAPSED' ? false : c.atRisk });

/**
 * The level over time as steps (None / Silver / Gold bands), each change a marker with its words, at-risk stretches
 * hatched and labelled "at risk". changes: oldest first (the history API's order); now: the end of the axis.
 */
export function LevelChart({ id, changes, now, name }) {
  useChartWidth();
  const height = 150;
  const first = changes.length ? ms(changes[0].occurredAt) : ms(now) - 86400000 * 30;
  const from = first - Math.max((ms(now) - first) * 0.2, 2 * 3600000);
  const scale = timeScale(from, now);
  const band = (level) => PAD.top + (2 - LEVELS.indexOf(level)) * 36 + 18;
  // None before the first change (a status starts at None), then each change's level until the next
  const segments = [{ level: 'NONE', atRisk: false, from, to: first },
    ...changes.map((c, i) => ({ ...after(c), from: c.occurredAt, to: i + 1 < changes.length ? changes[i + 1].occurredAt : now }))];
  const words = changes.length === 0 ? `No change of ${name} yet: the level has been None.`
    : `${changes.length} change${changes.length === 1 ? '' : 's'} of ${name}: ${changes.map((c) => `${isoDay(c.occurredAt)} ${LEVEL_WORDS[c.level]} ${CHANGE_WORDS[c.change] || c.change}`).join('; ')}. `
      + `Now: ${LEVEL_WORDS[after(changes[changes.length - 1]).level]}${after(changes[changes.length - 1]).atRisk ? ', at risk' : ''}.`;
  const table = html`<table><caption>Changes of ${name}, oldest first</caption>
    <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">Level</th><th scope="col">At risk</th><th scope="col">Why</th></tr></thead>
    <tbody>${changes.map((c) => html`<tr><td>${new Date(c.occurredAt).toLocaleString()}</td><td>${CHANGE_WORDS[c.change] || c.change}</td>
      <td>${LEVEL_WORDS[c.level]}</td><td>${after(c).atRisk ? 'yes' : 'no'}</td><td>${(c.reasons || []).join(' ') || (c.causeEventType ? `after ${c.causeEventType}` : 'time-driven')}</td></tr>`)}</tbody></table>`;
  return html`<${ChartFigure} id=${id} title=${`Level of ${name} over time`} summary=${words} height=${height} table=${table}>
    <${Hatch} id=${`${id}-hatch`} />
    <g class="grid" aria-hidden="true">${LEVELS.map((l) => html`<g><line x1=${PAD.left} x2=${W - PAD.right} y1=${band(l)} y2=${band(l)} />
      <text x=${PAD.left - 6} y=${band(l) + 4} text-anchor="end">${LEVEL_WORDS[l]}</text></g>`)}</g>
    ${segments.map((s) => html`<g class=${`segment level-${s.level.toLowerCase()}`}>
      <rect x=${scale.x(s.from)} y=${band(s.level) - 8} width=${Math.max(6, scale.x(s.to) - scale.x(s.from))} height="16"
        fill=${s.atRisk ? `url(#${id}-hatch)` : undefined} class=${s.atRisk ? 'at-risk' : 'held'} />
      ${s.atRisk && scale.x(s.to) - scale.x(s.from) > 40 && html`<text class="segment-label" x=${scale.x(s.from) + 4} y=${band(s.level) - 11}>! at risk</text>`}
    </g>`)}
    ${changes.map((c) => html`<g class="marker"><circle cx=${scale.x(c.occurredAt)} cy=${band(after(c).level)} r="5" />
      <title>${isoDay(c.occurredAt)}: ${LEVEL_WORDS[c.level]} ${CHANGE_WORDS[c.change] || c.change}</title></g>`)}
    <${TimeAxis} scale=${scale} y=${height - PAD.bottom + 6} />
  <//>`;
}

const MARKS = ['circle', 'square', 'triangle', 'diamond', 'cross'];
const DASHES = [undefined, '6 3', '2 3', '8 3 2 3', '1 2'];
const CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function Mark({ shape, x, y }) {
  switch (shape) {
    case 'square': return html`<rect x=${x - 4} y=${y - 4} width="8" height="8" />`;
    case 'triangle': return html`<polygon points=${`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} />`;
    case 'diamond': return html`<polygon points=${`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} />`;
    case 'cross': return html`<path d=${`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x - 4} ${y + 4}L${x + 4} ${y - 4}`} class="cross" />`;
    default: return html`<circle cx=${x} cy=${y} r="4" />`;
  }
}

/**
 * Series over time: each series a line with its own dash and marker shape and a letter code at its end (the legend
 * says the letter's series). points: [{ t, v, label, hollow }]; line: { v, label } a reference line (e.g. "met").
 */
export function SeriesChart({ id, title, summary, series, from, to, yMax, format = String, line, table }) {
  useChartWidth();
  const height = 190;
  const scale = timeScale(from, to);
  const top = Math.max(1, yMax ?? Math.max(1, ...series.flatMap((s) => s.points.map((p) => Number(p.v)))), line ? line.v : 0);
  const y = (v) => height - PAD.bottom - (Math.min(Number(v), top) / top) * (height - PAD.bottom - PAD.top);
  return html`<${ChartFigure} id=${id} title=${title} summary=${summary} height=${height} table=${table}>
    <g class="grid" aria-hidden="true">${[0, 0.5, 1].map((f) => html`<g><line x1=${PAD.left} x2=${W - PAD.right} y1=${y(top * f)} y2=${y(top * f)} />
      <text x=${PAD.left - 6} y=${y(top * f) + 4} text-anchor="end">${format(top * f)}</text></g>`)}</g>
    ${line && html`<g class="reference" aria-hidden="true"><line x1=${PAD.left} x2=${W - PAD.right} y1=${y(line.v)} y2=${y(line.v)} />
      <text x=${W - PAD.right + 4} y=${y(line.v) + 4}>${line.label}</text></g>`}
    ${series.map((s, i) => {
      const pts = s.points.filter((p) => !p.hollow);
      const last = pts[pts.length - 1];
      return html`<g class=${`series series-${i % 5}`}>
        ${pts.length > 1 && html`<polyline fill="none" stroke-dasharray=${DASHES[i % 5]}
          points=${pts.map((p) => `${scale.x(p.t)},${y(p.v)}`).join(' ')} />`}
        ${s.points.map((p) => html`<g class=${p.hollow ? 'hollow' : 'solid'}><${Mark} shape=${MARKS[i % 5]} x=${scale.x(p.t)} y=${y(p.v)} />
          <title>${p.label}</title></g>`)}
        ${last && html`<text class="code" x=${Math.min(scale.x(last.t) + 7, W - PAD.right + 30)} y=${y(last.v) - 6}>${CODES[i % 26]}</text>`}
      </g>`;
    })}
    <${TimeAxis} scale=${scale} y=${height - PAD.bottom + 6} />
  <//>
  <ul class="legend">${series.map((s, i) => html`<li><span class="code" aria-hidden="true">${CODES[i % 26]}</span>
    <span class="sr-only">Line ${CODES[i % 26]}: </span>${s.name}</li>`)}</ul>`;
}

/**
 * Dated markers on a time line (the forecast): each a triangle with its date and a short label, stacked when close.
 * items: [{ on, label, detail }].
 */
export function DatedMarkers({ id, title, summary, from, to, items, table }) {
  useChartWidth();
  const rows = [];
  const placed = [...items].sort((a, b) => String(a.on).localeCompare(String(b.on))).map((item) => {
    const scale = timeScale(from, to);
    const x = scale.x(`${item.on}T00:00:00Z`);
    let row = rows.findIndex((end) => end < x - 150);
    if (row < 0) { rows.push(0); row = rows.length - 1; }
    rows[row] = x + 150;
    return { ...item, x, row };
  });
  const height = PAD.top + Math.max(1, rows.length) * 30 + PAD.bottom + 6;
  const scale = timeScale(from, to);
  return html`<${ChartFigure} id=${id} title=${title} summary=${summary} height=${height} table=${table}>
    <line class="today" x1=${scale.x(from)} x2=${scale.x(from)} y1=${PAD.top} y2=${height - PAD.bottom + 6} aria-hidden="true" />
    <text class="today-label" x=${scale.x(from) + 3} y=${PAD.top + 8} aria-hidden="true">today</text>
    ${placed.map((p) => html`<g class="dated">
      <polygon points=${`${p.x},${PAD.top + p.row * 30 + 14} ${p.x - 5},${PAD.top + p.row * 30 + 24} ${p.x + 5},${PAD.top + p.row * 30 + 24}`} />
      <text x=${p.x > W - 170 ? p.x - 8 : p.x + 8} y=${PAD.top + p.row * 30 + 24} text-anchor=${p.x > W - 170 ? 'end' : 'start'}>
        ${p.on}: ${p.label}</text><title>${p.detail || p.label}</title></g>`)}
    <${TimeAxis} scale=${scale} y=${height - PAD.bottom + 6} />
  <//>`;
}
