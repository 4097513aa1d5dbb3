// Solutions Partner designations (issue 22): the Designations page of an organisation (score bars per metric, the
// qualification window as a timeline, what would make it qualify, specialisations) and, for the dashboard, a compact
// summary, the side by side of the two programme models and the what-if of switching on a date. Bars are plain CSS
// (no chart library): each carries its figures as text, and its accessible name says them in words.
import { html, useState } from './preact.js';
import { api, get, getAll, post, path } from './api.js';
import { useLoad, Loaded, Problem, LevelBadge, orgHref } from './ui.js';

/** The score an area qualifies at (with no metric at zero). */
const QUALIFIES_AT = 70;

/** Words and a symbol per state: the badge's colour is never the only signal. */
const STATES = {
  ATTAINED: ['✓', 'Attained'], KEPT: ['✓', 'Kept'], AT_RISK: ['!', 'At risk'], LOST: ['✕', 'Lost'], NONE: ['–', 'None'],
};
const stateWords = (state) => (STATES[state] || ['', state])[1];

export function StateBadge({ state }) {
  const [symbol, words] = STATES[state] || ['', state];
  return html`<span class=${`designation-state state-${String(state).toLowerCase()}`}><span aria-hidden="true">${symbol} </span>${words}</span>`;
}

/** A number as the API sent it, without trailing zeros (62.5, 20, 0.2). */
const num = (value) => (value === null || value === undefined ? '—' : String(Number(value)));

const UNIT = { PEOPLE: ['person', 'people'], CUSTOMERS: ['customer', 'customers'], SEATS: ['seat', 'seats'],
  PERCENT: ['percentage point', 'percentage points'] };
/** An amount in a metric's unit: "1 person", "3 customers", "15 %" (have/threshold) or "15 percentage points" (a change). */
function amount(value, unit, change = false) {
  if (unit === 'PERCENT' && !change) return `${num(value)} %`;
  const [one, many] = UNIT[unit] || ['', ''];
  return `${num(value)} ${Number(value) === 1 ? one : many}`.trim();
}
const CATEGORY = { PERFORMANCE: 'Performance', SKILLING: 'Skilling', CUSTOMER_SUCCESS: 'Customer success' };

/** A horizontal bar of value out of max, optionally with a marker line (the 70 of the score). */
function Bar({ value, max, label, mark, className = '' }) {
  const percent = (v) => `${Math.max(0, Math.min(100, (Number(v) / Number(max)) * 100))}%`;
  return html`<div class=${`bar ${className}`} role="img" aria-label=${label}>
    <div class="bar-fill" style=${{ width: percent(value) }}></div>
    ${mark !== undefined && html`<div class="bar-mark" style=${{ left: percent(mark) }}></div>`}
  </div>`;
}

function Score({ status }) {
  const label = `Score ${num(status.score)} out of 100; it qualifies at ${QUALIFIES_AT} with no metric at zero`;
  return html`<div class="score">
    <${Bar} className=${status.qualifiesToday ? 'over' : 'under'} value=${status.score} max="100"
      mark=${QUALIFIES_AT} label=${label} />
    <span class="figures score-figures">${num(status.score)} / 100</span>
    <span class="hint">(the line: ${QUALIFIES_AT} to qualify)</span>
  </div>`;
}

function Metrics({ status }) {
  return html`<div class="table-scroll"><table class="metrics">
    <caption>Capability score per metric</caption>
    <thead><tr><th scope="col">Metric</th><th scope="col">Have / threshold</th><th scope="col">Points</th></tr></thead>
    <tbody>${status.metrics.map((m) => html`<tr class="metric" data-metric=${m.metricId}>
      <th scope="row">${m.name}<span class="counted">${CATEGORY[m.category] || m.category}</span></th>
      <td>${amount(m.have, m.unit)} (threshold ${amount(m.threshold, m.unit)})
        ${Number(m.points) === 0 ? html`<br /><strong class="zero">at zero: no designation until it counts</strong>` : ''}</td>
      <td><div class="points"><${Bar} value=${m.points} max=${m.maxPoints} className=${Number(m.points) === 0 ? 'none' : ''}
          label=${`${m.name}: ${num(m.points)} of ${m.maxPoints} points; have ${amount(m.have, m.unit)}, threshold ${amount(m.threshold, m.unit)}`} />
        <span class="figures">${num(m.points)} / ${m.maxPoints} points</span></div></td>
    </tr>`)}</tbody>
  </table></div>`;
}

const iso = (date) => date.toISOString().slice(0, 10);
const utc = (text) => new Date(`${text}T00:00:00Z`);
const monthName = (date) => date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Consecutive days as ranges: [1,2,3,7] → "1–3, 7". */
function ranges(days) {
  const out = [];
  days.forEach((d) => {
    const last = out[out.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else out.push([d, d]);
  });
  return out.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

/** The qualification window: its six months, each a strip of days with the qualifying ones marked, and in words. */
function Window({ window: w, id }) {
  const qualifying = new Set(w.qualifyingDays);
  const from = utc(w.from);
  const to = utc(w.to);
  const months = [];
  for (let m = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); m <= to;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const days = [];
    const length = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0)).getUTCDate();
    for (let d = 1; d <= length; d++) {
      const date = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), d));
      days.push({ d, key: iso(date), later: date > to, qualified: qualifying.has(iso(date)) });
    }
    months.push({ name: monthName(m), days });
  }
  return html`<section class="window" aria-labelledby=${`${id}-window`}>
    <h3 id=${`${id}-window`}>Qualification window: ${w.from} to ${w.to}</h3>
    <ol class="window-months">${months.map((month) => {
      const marked = month.days.filter((d) => d.qualified).map((d) => d.d);
      return html`<li>
        <span class="month">${month.name}</span>
        <span class="days" aria-hidden="true">${month.days.map((d) =>
          html`<span class=${`day${d.qualified ? ' qualified' : ''}${d.later ? ' later' : ''}`} title=${d.key}></span>`)}</span>
        <span class="month-words">${marked.length ? `${marked.length} qualifying day${marked.length === 1 ? '' : 's'}: ${ranges(marked)}`
          : 'no qualifying day'}</span>
      </li>`;
    })}</ol>
    <p class="window-words">${w.qualifyingDays.length ? html`The window holds a qualifying day until <strong>${w.holdsUntil}</strong>.`
      : 'No qualifying day in the window.'} On <strong>${w.nextDrop}</strong> the window next drops a month (its oldest).</p>
  </section>`;
}

/** What a change to one metric is, in words: "add 1 person with advanced certifications". */
function change(metric, add) {
  const name = metric ? metric.name.toLowerCase() : 'the metric';
  switch (metric?.unit) {
    case 'PEOPLE': return `add ${amount(add, 'PEOPLE')} with ${name}`;
    case 'CUSTOMERS': return `win ${amount(add, 'CUSTOMERS')} more (${name})`;
    case 'SEATS': return `deploy ${amount(add, 'SEATS')} more (${name})`;
    case 'PERCENT': return `raise ${name} by ${amount(add, 'PERCENT', true)}`;
    default: return `add ${num(add)} to ${name}`;
  }
}

function ToQualify({ status, id }) {
  const byId = Object.fromEntries(status.metrics.map((m) => [m.metricId, m]));
  const plan = status.toQualify.plan;
  const after = plan.reduce((score, step) => score + Number(step.pointsAfter) - Number(byId[step.metricId]?.points || 0),
    Number(status.score));
  return html`<section class="to-qualify" aria-labelledby=${`${id}-qualify`}>
    <h3 id=${`${id}-qualify`}>To qualify</h3>
    ${status.qualifiesToday ? html`<p class="all-clear">Qualifies today: score ${num(status.score)} with every metric above zero.</p>`
      : plan.length ? html`<p>Suggested plan (the fewest changes that reach ${QUALIFIES_AT} with no metric at zero):</p>
        <ol class="plan">${plan.map((step) => html`<li data-metric=${step.metricId}>${change(byId[step.metricId], step.add)}${' '}
          (then ${num(step.pointsAfter)} of ${byId[step.metricId]?.maxPoints ?? '?'} points)</li>`)}</ol>
        <p class="hint">Score after the plan: about ${Math.round(after * 10) / 10}.</p>`
      : html`<p>No plan reaches ${QUALIFIES_AT} within the thresholds.</p>`}
    <ul class="per-metric">${status.toQualify.perMetric.map((p) => {
      const m = byId[p.metricId];
      if (!m) return null;
      const next = p.toNextPoint === null ? 'at its maximum points' : `${change(m, p.toNextPoint)} for its next points`;
      const threshold = Number(p.toThreshold) > 0 ? `; ${amount(p.toThreshold, m.unit, true)} more to its threshold` : '; threshold met';
      return html`<li data-metric=${p.metricId}><strong>${m.name}</strong>: ${next}${threshold}.</li>`;
    })}</ul>
  </section>`;
}

function AreaCard({ status }) {
  const id = `area-${status.solutionAreaId}`;
  return html`<article class="designation" data-area=${status.solutionAreaId} aria-labelledby=${id}>
    <h2 id=${id}>${status.solutionAreaName} <${StateBadge} state=${status.state} /></h2>
    <dl class="facts">
      <div><dt>State</dt><dd>${stateWords(status.state)}${status.held ? ' (held)' : ' (not held)'}</dd></div>
      <div><dt>Qualifies today</dt><dd>${status.qualifiesToday ? 'yes' : 'no'}</dd></div>
      <div><dt>Track</dt><dd>${status.track || '—'}</dd></div>
      <div><dt>Requirements</dt><dd>version ${status.scoreVersion}</dd></div>
      <div><dt>Evaluated</dt><dd>${status.lastEvaluated || '—'}</dd></div>
    </dl>
    <${Score} status=${status} />
    <${Metrics} status=${status} />
    <${Window} window=${status.window} id=${id} />
    <${ToQualify} status=${status} id=${id} />
    <section aria-labelledby=${`${id}-spec`}>
      <h3 id=${`${id}-spec`}>Specialisations</h3>
      ${status.specialisations.length === 0 ? html`<p class="hint">None in this area.</p>` : html`<ul class="specialisations">
        ${status.specialisations.map((s) => html`<li data-specialisation=${s.id}>${s.name} <${StateBadge} state=${s.state} />${' '}
          <span class="figures">${s.have} of ${s.need} ${s.need === 1 ? 'person' : 'people'} with its certifications</span></li>`)}
      </ul>`}
    </section>
  </article>`;
}

/** #/org/{id}/designations: every solution area of the organisation. */
export function Designations({ org }) {
  const state = useLoad(async () => {
    const [organisation, statuses] = await Promise.all([get(path`/organizations/${org}`), get(path`/designation-status/${org}`)]);
    return { organisation, statuses };
  }, [org]);
  return html`<${Loaded} state=${state}>${(d) => html`<div class="designations">
    <h1>Designations<span class="org-name"> · ${d.organisation.name}</span></h1>
    <p class="hint">Solutions Partner designations: a capability score out of 100 per solution area; it qualifies at ${QUALIFIES_AT} with every
      metric above zero, and a designation holds while its six-month window has a qualifying day.</p>
    ${d.statuses.length === 0 && html`<p>No solution area is in effect yet.</p>`}
    ${d.statuses.map((s) => html`<${AreaCard} status=${s} />`)}
  </div>`}<//>`;
}

/** Outcome words of the switch (programme-switch simulations). */
const OUTCOMES = { KEEPS: 'Keeps', GAINS: 'Gains', LOSES: 'Loses', NEITHER: 'Neither' };

/** This organisation's outcome of switching on a date; ops' answer lists every organisation, paged. */
async function switchOutcome(org, on) {
  const size = 100;
  for (let page = 0; ; page++) {
    const { data, total } = await api(`/programme-switch/simulations?page=${page}&size=${size}`, { method: 'POST', body: { on } });
    const mine = data.find((o) => o.organizationId === org);
    if (mine || (page + 1) * size >= total || data.length === 0) return mine || { organizationId: org, on, areas: [] };
  }
}

function SwitchWhatIf({ org, names }) {
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const run = async (e) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setResult(await switchOutcome(org, on));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<section aria-labelledby="switch-heading" class="switch-what-if">
    <h3 id="switch-heading">What if the programme switched to designations?</h3>
    <form onSubmit=${run}>
      <label for="switch-on">Switch on date</label>
      <input id="switch-on" type="date" required value=${on} onInput=${(e) => setOn(e.target.value)} />
      <button type="submit" disabled=${busy}>${busy ? 'Simulating the switch…' : 'Simulate the switch'}</button>
    </form>
    <${Problem} error=${error} />
    <div aria-live="polite">${result && html`<table class="switch">
      <caption>On ${result.on}: who keeps, gains or loses (nothing is changed)</caption>
      <thead><tr><th scope="col">Solution area</th><th scope="col">Designation on that date</th>
        <th scope="col">Competencies it replaces, held</th><th scope="col">Outcome</th></tr></thead>
      <tbody>${result.areas.map((a) => html`<tr data-area=${a.solutionAreaId} data-outcome=${a.outcome}>
        <th scope="row">${a.solutionAreaName}</th>
        <td>${a.designationHeld ? 'held' : 'not held'}</td>
        <td>${a.competenciesHeld.length ? a.competenciesHeld.map((c) => html`<span class="held">${names[c.competencyId] || c.competencyId}
          <${LevelBadge} level=${c.level} atRisk=${c.atRisk} /></span> `) : 'none'}</td>
        <td><strong class=${`outcome outcome-${a.outcome.toLowerCase()}`}>${OUTCOMES[a.outcome] || a.outcome}</strong></td>
      </tr>`)}</tbody></table>`}</div>
  </section>`;
}

/**
 * For the dashboard: the designations in brief (state and score per area, a link to the page), both programme models
 * side by side (GET /programmes/{org}: Silver/Gold competencies beside the designations that replace them) and, for
 * partner-admins and ops, the what-if of switching on a date.
 */
export function ProgrammesPanel({ org, role }) {
  const state = useLoad(async () => {
    const [programmes, areas, competencies] = await Promise.all([get(path`/programmes/${org}`),
      get('/solution-areas').catch(() => []), getAll('/competencies').catch(() => [])]);
    return { programmes, areas, competencies };
  }, [org]);
  return html`<section aria-labelledby="designations-heading" class="programmes">
    <h2 id="designations-heading">Designations</h2>
    <${Loaded} state=${state}>${({ programmes, areas, competencies }) => {
      const names = Object.fromEntries(competencies.map((c) => [c.id, c.name]));
      const replaces = Object.fromEntries(areas.map((a) => [a.id, a.replaces || []]));
      const designations = programmes.designations;
      const replaced = new Set(Object.values(replaces).flat());
      const others = programmes.competencies.filter((c) => !replaced.has(c.competencyId));
      return html`
        ${designations.length === 0 ? html`<p>No solution area is in effect yet.</p>` : html`<ul class="designation-summary">
          ${designations.map((s) => html`<li data-area=${s.solutionAreaId}>${s.solutionAreaName} <${StateBadge} state=${s.state} />${' '}
            <span class="figures">score ${num(s.score)} / 100</span></li>`)}</ul>`}
        <p><a href=${orgHref(org, 'designations')}>Open the Designations page</a> for the score per metric, the window and what would make each qualify.</p>
        <div class="table-scroll"><table class="side-by-side">
          <caption>Both programme models on ${programmes.today}: Silver/Gold competencies beside the designations that replace them</caption>
          <thead><tr><th scope="col">Competency (Silver/Gold)</th><th scope="col">Level</th>
            <th scope="col">Solution area (designation)</th><th scope="col">State and score</th></tr></thead>
          <tbody>
            ${designations.map((s) => {
              const held = programmes.competencies.filter((c) => (replaces[s.solutionAreaId] || []).includes(c.competencyId));
              return html`<tr data-area=${s.solutionAreaId}>
                <td>${held.length ? held.map((c) => html`<span class="held">${names[c.competencyId] || c.competencyId}</span> `) : '—'}</td>
                <td>${held.length ? held.map((c) => html`<${LevelBadge} level=${c.level} atRisk=${c.atRisk} /> `) : '—'}</td>
                <th scope="row">${s.solutionAreaName}</th>
                <td><${StateBadge} state=${s.state} /> ${num(s.score)} / 100</td></tr>`;
            })}
            ${others.map((c) => html`<tr data-competency-only=${c.competencyId}>
              <td>${names[c.competencyId] || c.competencyId}</td><td><${LevelBadge} level=${c.level} atRisk=${c.atRisk} /></td>
              <td>—</td><td>no designation replaces it</td></tr>`)}
          </tbody></table></div>
        ${(role === 'partner-admin' || role === 'ops') && html`<${SwitchWhatIf} org=${org} names=${names} />`}`;
    }}<//>
  </section>`;
}
