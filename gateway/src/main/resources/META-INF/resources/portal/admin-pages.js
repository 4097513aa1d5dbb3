// Partner-admin pages of issue 27: performance figures with their history (membership-service
// GET /organizations/{id}/performance-reports[/history], paged) and departures (the people who left).
import { html, useState } from './preact.js';
import { api, get, path, query } from './api.js';
import { useLoad, Loaded, Pager, day, when } from './ui.js';
import { OrgHeading } from './org-pages.js';
import { SeriesChart } from './chart.js';
import { getAll } from './admin-util.js';

const METRICS = ['REVENUE', 'ACTIVE_USAGE', 'DEPLOYED_SEATS', 'NEW_CUSTOMERS'];
const METRIC_WORDS = { REVENUE: 'Revenue', ACTIVE_USAGE: 'Active usage', DEPLOYED_SEATS: 'Deployed seats', NEW_CUSTOMERS: 'New customers' };
const number = (v) => Number(v).toLocaleString();
const SIZE = 25;

function Figures({ org }) {
  const [page, setPage] = useState(0);
  const state = useLoad(() => api(path`/organizations/${org}/performance-reports` + query({ page, size: SIZE })), [org, page]);
  return html`<section aria-labelledby="figures-heading">
    <h2 id="figures-heading">Current figures</h2>
    <${Loaded} state=${state}>${({ data, total }) => html`
      ${data.length === 0 ? html`<p>No figure reported yet.</p>` : html`<div class="table-scroll"><table class="figures-table">
        <caption>Latest period first (${total} figure${total === 1 ? '' : 's'})</caption>
        <thead><tr><th scope="col">Metric</th><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Source</th>
          <th scope="col">Reported</th><th scope="col">Corrections</th></tr></thead>
        <tbody>${data.map((f) => html`<tr data-metric=${f.metric}><th scope="row">${METRIC_WORDS[f.metric] || f.metric}</th>
          <td>${f.periodStart} to ${f.periodEnd}</td><td>${number(f.value)}</td><td>${f.source}</td>
          <td>${when(f.reportedAt)} by ${f.reportedBy}</td><td>${f.corrections}</td></tr>`)}</tbody></table></div>`}
      <${Pager} page=${page} size=${SIZE} total=${total} onPage=${setPage} label="Pages of figures" />`}<//>
  </section>`;
}

function MetricHistory({ org, metric }) {
  const [page, setPage] = useState(0);
  const chart = useLoad(() => getAll(path`/organizations/${org}/performance-reports/history` + query({ metric })), [org, metric]);
  const state = useLoad(() => api(path`/organizations/${org}/performance-reports/history` + query({ metric, page, size: SIZE })),
    [org, metric, page]);
  const words = METRIC_WORDS[metric];
  return html`<div class="metric-history" data-metric=${metric}>
    <${Loaded} state=${chart}>${({ items }) => {
      const values = [...items].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
      const current = values.filter((v) => !v.supersededAt);
      const points = values.map((v) => ({ t: `${v.periodEnd}T00:00:00Z`, v: Number(v.value), hollow: !!v.supersededAt,
        label: `${v.periodStart} to ${v.periodEnd}: ${number(v.value)}${v.supersededAt ? ` (superseded ${day(v.supersededAt)})` : ''}` }));
      const from = values.length ? `${values[0].periodStart}T00:00:00Z` : new Date(Date.now() - 365 * 86400000);
      const to = values.length ? `${values[values.length - 1].periodEnd}T00:00:00Z` : new Date();
      const summary = current.length === 0 ? `No ${words.toLowerCase()} reported yet.`
        : `${words} per period (period end): ${current.map((v) => `${v.periodEnd} ${number(v.value)}`).join(', ')}.`
          + `${values.length > current.length ? ` ${values.length - current.length} earlier value${values.length - current.length === 1 ? ' was' : 's were'} corrected (hollow markers).` : ''}`;
      const table = html`<table><caption>${words}: every value, superseded ones included</caption>
        <thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Reported</th><th scope="col">Superseded</th></tr></thead>
        <tbody>${values.map((v) => html`<tr><td>${v.periodStart} to ${v.periodEnd}</td><td>${number(v.value)}</td>
          <td>${when(v.reportedAt)}</td><td>${v.supersededAt ? when(v.supersededAt) : 'current'}</td></tr>`)}</tbody></table>`;
      return html`<${SeriesChart} id=${`performance-${metric.toLowerCase()}`} title=${`${words} over time`} summary=${summary}
        series=${[{ name: `${words}: current values joined by the line; corrected earlier values as hollow markers`, points }]}
        from=${from} to=${to} format=${(v) => number(Math.round(v))} table=${table} />`;
    }}<//>
    <${Loaded} state=${state}>${({ data, total }) => html`<div class="table-scroll"><table class="history-table">
      <caption>${words}: history, latest period first (${total} value${total === 1 ? '' : 's'})</caption>
      <thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Source</th><th scope="col">Reported</th>
        <th scope="col">State</th></tr></thead>
      <tbody>${data.map((v) => html`<tr><td>${v.periodStart} to ${v.periodEnd}</td><td>${number(v.value)}</td><td>${v.source}</td>
        <td>${when(v.reportedAt)} by ${v.reportedBy}</td><td>${v.supersededAt ? `superseded ${when(v.supersededAt)}` : 'current'}</td></tr>`)}</tbody>
    </table></div>
    <${Pager} page=${page} size=${SIZE} total=${total} onPage=${setPage} label=${`Pages of the ${words.toLowerCase()} history`} />`}<//>
  </div>`;
}

/** #/org/{id}/performance: the current figures, then one metric's history as a chart and a paged table. */
export function Performance({ org }) {
  const [metric, setMetric] = useState(METRICS[0]);
  const state = useLoad(() => get(path`/organizations/${org}`), [org]);
  return html`<${Loaded} state=${state}>${(organisation) => html`<div class="performance">
    <${OrgHeading} organisation=${organisation} page="Performance" />
    <p class="hint">Figures other systems (or ops) reported; a correction replaces a period's figure and keeps the earlier value.</p>
    <${Figures} org=${org} />
    <section aria-labelledby="performance-history-heading">
      <h2 id="performance-history-heading">History</h2>
      <label for="performance-metric">Metric</label>
      <select id="performance-metric" onChange=${(e) => setMetric(e.target.value)}>
        ${METRICS.map((m) => html`<option value=${m} selected=${m === metric}>${METRIC_WORDS[m]}</option>`)}
      </select>
      <${MetricHistory} key=${metric} org=${org} metric=${metric} />
    </section>
  </div>`}<//>`;
}

/** #/org/{id}/departures: the people who left, latest first (every page of the accounts, filtered here). */
export function Departures({ org }) {
  const [page, setPage] = useState(0);
  const state = useLoad(async () => ({
    organisation: await get(path`/organizations/${org}`),
    users: await getAll(path`/organizations/${org}/users`),
  }), [org]);
  return html`<${Loaded} state=${state}>${({ organisation, users }) => {
    const gone = users.items.filter((u) => u.status === 'DEPARTED')
      .sort((a, b) => String(b.departedAt).localeCompare(String(a.departedAt)));
    const shown = gone.slice(page * SIZE, (page + 1) * SIZE);
    return html`<div class="departures">
      <${OrgHeading} organisation=${organisation} page="Departures" />
      <p class="hint">People recorded as having left: they no longer count for any requirement. Record a departure on the People page.</p>
      ${gone.length === 0 ? html`<p id="no-departures">Nobody has left.</p>` : html`<div class="table-scroll"><table id="departures">
        <caption>${gone.length} ${gone.length === 1 ? 'person' : 'people'} left, latest first</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Left on</th></tr></thead>
        <tbody>${shown.map((u) => html`<tr data-user=${u.id}><th scope="row" title=${u.candidateId || ''}>${u.name}</th><td>${u.email}</td>
          <td>${u.role}</td><td>${day(u.departedAt)}</td></tr>`)}</tbody></table></div>
        <${Pager} page=${page} size=${SIZE} total=${gone.length} onPage=${setPage} label="Pages of departures" />`}
    </div>`;
  }}<//>`;
}
