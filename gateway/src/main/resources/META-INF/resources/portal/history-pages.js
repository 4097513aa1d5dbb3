// #/org/{id}/history (issue 27): each competency's status history as charts — the level over time (from
// GET /competency-status/{org}/{competency}/history) and have/need of every requirement over time (the progress each
// change recorded, and today's) — and the forecast of the next 12 months as dated markers. Each chart has its words
// and a table toggle (chart.js).
import { html, useState } from './preact.js';
import { get, path } from './api.js';
import { useLoad, Loaded, LevelBadge, Progress } from './ui.js';
import { OrgHeading } from './org-pages.js';
import { LevelChart, SeriesChart, DatedMarkers, isoDay } from './chart.js';
import { getAll, competencyNames, LEVEL_WORDS } from './admin-util.js';

const requirementKey = (r) => `${r.level}|${r.path}|${r.description}`;
const percent = (r) => (Number(r.need) > 0 ? Math.min(150, (Number(r.have) / Number(r.need)) * 100) : 100);
const figures = (r) => `${Number(r.have)} of ${Number(r.need)}`;

/** One series per requirement: have as a share of need at each recorded change, then today. */
function progressSeries(changes, status, now) {
  const byKey = new Map();
  const add = (t, requirements, hollow) => (requirements || []).forEach((r) => {
    const key = requirementKey(r);
    if (!byKey.has(key)) byKey.set(key, { name: `${LEVEL_WORDS[r.level] || r.level} path ${r.path}: ${r.description}`, points: [] });
    byKey.get(key).points.push({ t, v: percent(r), hollow, r, label: `${isoDay(t)}: ${figures(r)}${r.met ? ' (met)' : ''}` });
  });
  changes.forEach((c) => add(c.occurredAt, c.requirements, false));
  add(now, status.requirements, false);
  return [...byKey.values()];
}

function CompetencyHistory({ org, status, name }) {
  const state = useLoad(() => getAll(path`/competency-status/${org}/${status.competencyId}/history`), [org, status.competencyId]);
  return html`<${Loaded} state=${state}>${({ items: changes }) => {
    const last = changes.length ? new Date(changes[changes.length - 1].occurredAt).getTime() : 0;
    const now = new Date(Math.max(Date.now(), last + 3600000, new Date(status.asOf || 0).getTime()));
    const series = progressSeries(changes, status, now);
    const from = changes.length ? changes[0].occurredAt : new Date(now.getTime() - 30 * 86400000);
    const words = series.map((s, i) => `${'ABCDEFGHIJ'[i] || ''} ${s.name}: ${s.points.map((p) => figures(p.r)).join(' → ')}`).join('; ');
    const table = html`<table><caption>Have / need of each requirement of ${name} at each change and today</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Requirement</th><th scope="col">Have / need</th><th scope="col">Met</th></tr></thead>
      <tbody>${series.flatMap((s) => s.points.map((p) => html`<tr><td>${p.t === now ? 'today' : new Date(p.t).toLocaleString()}</td>
        <th scope="row">${s.name}</th><td>${figures(p.r)}</td><td>${p.r.met ? 'yes' : 'no'}</td></tr>`))}</tbody></table>`;
    return html`<div class="history" data-competency=${status.competencyId}>
      <${LevelChart} id=${`level-${status.competencyId}`} changes=${changes} now=${now} name=${name} />
      <${SeriesChart} id=${`progress-${status.competencyId}`} title=${`Have / need of each requirement of ${name} over time`}
        summary=${`Each line is one requirement, as a share of what it needs (the line at 100 % is met): ${words}.`}
        series=${series} from=${from} to=${now} yMax=${120} line=${{ v: 100, label: 'met' }} format=${(v) => `${Math.round(v)} %`}
        table=${table} />
      <h3>Today</h3>
      <ul class="requirements-today">${status.requirements.map((r) => html`<li>
        <span class="requirement">${LEVEL_WORDS[r.level]} path ${r.path}: ${r.description}</span>
        <${Progress} have=${r.have} need=${r.need} label=${`${LEVEL_WORDS[r.level]} path ${r.path}: ${r.description}`} /></li>`)}</ul>
    </div>`;
  }}<//>`;
}

function ForecastChart({ forecast, names, who }) {
  const today = new Date();
  const to = new Date(today.getTime() + 366 * 86400000);
  const label = (f) => `${names[f.competencyId] || f.competencyId} ${LEVEL_WORDS[f.level]}`;
  const summary = forecast.length === 0 ? 'No upcoming expiry or requirement version costs a level in the next 12 months.'
    : `${forecast.length} dated loss${forecast.length === 1 ? '' : 'es'}: ${forecast.map((f) => `${f.on} ${label(f)} (${f.cause})`).join('; ')}.`;
  const table = html`<table><caption>Forecast: every dated loss in the next 12 months</caption>
    <thead><tr><th scope="col">On</th><th scope="col">Competency and level</th><th scope="col">Cause</th><th scope="col">Stop counting</th>
      <th scope="col">Must renew to keep it</th></tr></thead>
    <tbody>${forecast.map((f) => html`<tr><td>${f.on}</td><th scope="row">${label(f)}</th><td>${f.cause}</td>
      <td>${(f.candidates || []).map(who).join(', ') || '—'}</td><td>${(f.mustRenew || []).map(who).join(', ') || '—'}</td></tr>`)}</tbody></table>`;
  return html`<section aria-labelledby="forecast-chart-heading">
    <h2 id="forecast-chart-heading">Forecast: the next 12 months</h2>
    <${DatedMarkers} id="forecast-chart" title="Forecast: dated losses in the next 12 months" summary=${summary}
      from=${today} to=${to} items=${forecast.map((f) => ({ on: f.on, label: label(f), detail: `${label(f)}: ${f.cause}` }))} table=${table} />
    <p class="hint">The what-if (people leave, a certification expires, a roadmap version) is on the dashboard.</p>
  </section>`;
}

/** #/org/{id}/history: pick a competency; its level and have/need over time; the forecast for all. */
export function StatusHistory({ org }) {
  const [chosen, setChosen] = useState('');
  const state = useLoad(async () => {
    const [organisation, statuses, names, forecast, users] = await Promise.all([get(path`/organizations/${org}`),
      getAll(path`/competency-status/${org}`), competencyNames().catch(() => ({})), get(path`/competency-status/${org}/forecast`),
      getAll(path`/organizations/${org}/users`).catch(() => ({ items: [] }))]);
    return { organisation, statuses: statuses.items, names, forecast, users: users.items };
  }, [org]);
  return html`<${Loaded} state=${state}>${(d) => {
    const people = Object.fromEntries(d.users.filter((u) => u.candidateId).map((u) => [u.candidateId, u.name]));
    const who = (candidate) => people[candidate] || candidate;
    const status = d.statuses.find((s) => s.competencyId === chosen) || d.statuses[0];
    const name = (s) => d.names[s.competencyId] || s.competencyId;
    return html`<div class="status-history">
      <${OrgHeading} organisation=${d.organisation} page="Status history" />
      ${d.statuses.length === 0 ? html`<p>No competency status yet.</p>` : html`
        <label for="history-competency">Competency</label>
        <select id="history-competency" onChange=${(e) => setChosen(e.target.value)}>
          ${d.statuses.map((s) => html`<option value=${s.competencyId} selected=${s === status}>${name(s)} (${LEVEL_WORDS[s.level]}${s.atRisk ? ', at risk' : ''})</option>`)}
        </select>
        <h2 id="history-heading">${name(status)} <${LevelBadge} level=${status.level} atRisk=${status.atRisk} /></h2>
        <${CompetencyHistory} key=${status.competencyId} org=${org} status=${status} name=${name(status)} />`}
      <${ForecastChart} forecast=${d.forecast} names=${d.names} who=${who} />
    </div>`;
  }}<//>`;
}
