// Partner-admin pages (ops too): the organisation dashboard, membership and the list of organisations.
// Every id that goes into an API path is encoded (path`...` in api.js).
import { html, useState, useEffect } from './preact.js';
import { api, get, getAll, post, listen, path, query } from './api.js';
import { useLoad, usePaged, Loaded, Problem, LevelBadge, Progress, ActionButton, Pager, day, when, orgHref } from './ui.js';
import { ProgrammesPanel } from './designation-pages.js';
import { Alerts, Forecast, Reasons, ReasonText, RequirementLabel, Named, credentialsOf, requirementText } from './reason-views.js';

const LEVELS = ['SILVER', 'GOLD'];
const PACKS = [...LEVELS, 'SOLUTIONS_PARTNER'];
const packTitle = (level) => (level === 'SOLUTIONS_PARTNER' ? 'Solutions Partner' : title(level));
const rank = (level) => ({ NONE: 0, SILVER: 1, GOLD: 2 }[level] ?? 0);
export const title = (level) => level.charAt(0) + level.slice(1).toLowerCase();

/** Names of the organisation's people by candidate id (partner-admins and ops may list them; others see ids). */
async function peopleOf(org) {
  try {
    return await getAll(path`/organizations/${org}/users`);
  } catch {
    return [];
  }
}
const namer = (users) => {
  const names = Object.fromEntries(users.filter((u) => u.candidateId).map((u) => [u.candidateId, u.name]));
  return (candidate) => names[candidate] || candidate;
};

export function OrgHeading({ organisation, page }) {
  return html`<h1>${page}<span class="org-name"> · ${organisation.name}</span></h1>`;
}

/** The one sentence a partner admin needs first: what to do next for this competency. */
function nextStep(status, who) {
  if (status.atRisk) {
    const first = (status.reasonDetails || [])[0];
    return html`Act before ${day(status.validUntil)}: ${first ? html`<${ReasonText} reason=${first} status=${status} who=${who} />`
      : 'a requirement no longer holds'}.`;
  }
  const target = LEVELS.find((l) => rank(l) > rank(status.level));
  if (!target) return `Gold held until ${day(status.validUntil)}. Keep the counted people certified.`;
  const paths = {};
  status.requirements.filter((r) => r.level === target).forEach((r) => (paths[r.path] ||= []).push(r));
  const missing = Object.values(paths).map((reqs) => reqs.filter((r) => !r.met));
  missing.sort((a, b) => a.length - b.length);
  const closest = missing[0] || [];
  const held = status.level !== 'NONE' ? `${title(status.level)} held until ${day(status.validUntil)}. ` : '';
  if (!closest.length) return `${held}${title(target)} requirements are met: it is attained with the next update.`;
  const gap = closest.map((r, i) => html`${i ? '; ' : ''}${Number(r.need) - Number(r.have)} more for "<${RequirementLabel} requirement=${r} />"`);
  return html`${held}To reach ${title(target)}: ${gap}.`;
}

function CompetencyCard({ status, name, who }) {
  const groups = {};
  status.requirements.forEach((r) => (groups[`${r.level} · path ${r.path}`] ||= []).push(r));
  return html`<article class="competency" data-competency=${status.competencyId} aria-labelledby=${`c-${status.competencyId}`}>
    <h3 id=${`c-${status.competencyId}`}>${name} <${LevelBadge} level=${status.level} atRisk=${status.atRisk} /></h3>
    <p class="next-step">${nextStep(status, who)}</p>
    <dl class="facts">
      <div><dt>Valid until</dt><dd>${day(status.validUntil)}</dd></div>
      <div><dt>Path met</dt><dd>${status.path ? `path ${status.path}` : 'none'}</dd></div>
      <div><dt>Attained</dt><dd>${day(status.attainedAt)}</dd></div>
      <div><dt>Requirements</dt><dd>version ${status.requirementVersion}</dd></div>
    </dl>
    ${Object.entries(groups).map(([group, reqs]) => html`<section class="path">
      <h4>${group} ${reqs.every((r) => r.met) ? '✓ met' : ''}</h4>
      <ul>${reqs.map((r) => html`<li class=${r.met ? 'met' : 'unmet'}>
        <span class="requirement"><${RequirementLabel} requirement=${r} /></span>
        <${Progress} have=${r.have} need=${r.need} label=${`${group}: ${requirementText(r)}`} />
        ${r.counted.length > 0 && html`<span class="counted">Counts: ${r.counted.map((c, i) => html`${i ? ', ' : ''}<${Named} id=${c}
          name=${who(c) !== c ? who(c) : null} />`)}</span>`}
      </li>`)}</ul>
    </section>`)}
  </article>`;
}

function WhatIf({ org, statuses, users, names, who }) {
  const [departures, setDepartures] = useState([]);
  const [expiry, setExpiry] = useState({ candidateId: '', certificationId: '' });
  const [at, setAt] = useState('');
  const [version, setVersion] = useState('');
  const [roadmaps, setRoadmaps] = useState([]);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    Promise.all(statuses.map((s) => get(path`/competencies/${s.competencyId}/roadmap`).catch(() => null)))
      .then((maps) => setRoadmaps(maps.filter(Boolean)));
  }, [org]);
  const members = users.filter((u) => u.candidateId && u.status === 'ACTIVE');
  const counted = [...new Set(statuses.flatMap((s) => s.requirements.flatMap((r) => r.counted)))];
  const run = async (e) => {
    e.preventDefault();
    setError(null);
    const [competencyId, v] = version ? version.split('|') : [];
    try {
      setResult(await post('/competency-simulations', {
        organizationId: org,
        departures,
        expiries: expiry.candidateId && expiry.certificationId ? [expiry] : [],
        at: at ? `${at}T00:00:00Z` : undefined,
        requirementVersion: version ? { competencyId, version: v } : undefined,
      }));
    } catch (err) {
      setError(err);
    }
  };
  const toggle = (candidate) => setDepartures((d) => (d.includes(candidate) ? d.filter((c) => c !== candidate) : [...d, candidate]));
  return html`<section aria-labelledby="whatif-heading" class="what-if">
    <h2 id="whatif-heading">What if…</h2>
    <form onSubmit=${run}>
      <fieldset><legend>People leave</legend>
        ${members.length === 0 && html`<p class="hint">Nobody associated.</p>`}
        ${members.map((u) => html`<label class="check"><input type="checkbox" checked=${departures.includes(u.candidateId)}
          onChange=${() => toggle(u.candidateId)} /> ${u.name}</label>`)}
      </fieldset>
      <fieldset><legend>A certification expires</legend>
        <label for="expiry-candidate">Person</label>
        <select id="expiry-candidate" onChange=${(e) => setExpiry({ ...expiry, candidateId: e.target.value })}>
          <option value="">—</option>${counted.map((c) => html`<option value=${c} selected=${expiry.candidateId === c}>${who(c)}</option>`)}
        </select>
        <label for="expiry-certification">Certification</label>
        <select id="expiry-certification" onChange=${(e) => setExpiry({ ...expiry, certificationId: e.target.value })}>
          <option value="">—</option>${credentialsOf(statuses).map((c) => html`<option value=${c.id} title=${c.id}
            selected=${expiry.certificationId === c.id}>${c.name ? `${c.name} (${c.id})` : c.id}</option>`)}
        </select>
      </fieldset>
      <fieldset><legend>When and under which rules</legend>
        <label for="whatif-at">On date</label>
        <input id="whatif-at" type="date" value=${at} onInput=${(e) => setAt(e.target.value)} />
        <label for="whatif-version">Roadmap version</label>
        <select id="whatif-version" onChange=${(e) => setVersion(e.target.value)}>
          <option value="">the one in effect</option>
          ${roadmaps.flatMap((m) => m.upcoming.map((v) => html`<option value=${`${m.competencyId}|${v.version}`} selected=${version === `${m.competencyId}|${v.version}`}>
            ${names[m.competencyId] || m.competencyId} ${v.version} (from ${v.effectiveFrom})</option>`))}
        </select>
      </fieldset>
      <button type="submit">Simulate</button>
    </form>
    <${Problem} error=${error} />
    ${result && html`<table class="compare">
      <caption>Today beside the simulated result (nothing is changed)</caption>
      <thead><tr><th scope="col">Competency</th><th scope="col">Today</th><th scope="col">Simulated</th></tr></thead>
      <tbody>${result.map((sim) => {
        const today = statuses.find((s) => s.competencyId === sim.competencyId);
        return html`<tr><th scope="row">${names[sim.competencyId] || sim.competencyId}</th>
          <td>${today ? html`<${LevelBadge} level=${today.level} atRisk=${today.atRisk} />` : '—'}</td>
          <td><${LevelBadge} level=${sim.level} atRisk=${sim.atRisk} />
            <${Reasons} status=${sim} reasons=${sim.reasonDetails} who=${who} /></td></tr>`;
      })}</tbody></table>`}
  </section>`;
}

export function Dashboard({ org, claims }) {
  const [tick, setTick] = useState(0);
  const [live, setLive] = useState('connecting');
  const state = useLoad(async () => {
    const [organisation, statuses, forecast, membership, users, competencies] = await Promise.all([
      get(path`/organizations/${org}`), getAll(path`/competency-status/${org}`), get(path`/competency-status/${org}/forecast`),
      get(path`/organizations/${org}/membership`), peopleOf(org), getAll('/competencies').catch(() => []),
    ]);
    return { organisation, statuses, forecast, membership, users, competencies };
  }, [org, tick]);
  useEffect(() => listen(path`/competency-status/${org}/changes`,
    (event) => (event === 'status' || event === 'poll') && setTick((t) => t + 1), setLive), [org]);
  return html`<${Loaded} state=${state}>${(d) => {
    const names = Object.fromEntries(d.competencies.map((c) => [c.id, c.name]));
    const who = namer(d.users);
    return html`<div class="dashboard">
      <${OrgHeading} organisation=${d.organisation} page="Dashboard" />
      <p class=${`live live-${live}`} role="status" id="live">${{ live: '● Live: changes appear as they happen',
        polling: 'Updating every 5 s', reconnecting: 'Reconnecting…', connecting: 'Connecting…',
        busy: 'Too many live views open (close another tab or window): updating every 30 s',
        'signed-out': 'Not live: please sign in again' }[live]}</p>
      <p class="summary">Membership <${LevelBadge} level=${d.membership.level} />${' '}
        ${d.statuses.filter((s) => s.level !== 'NONE').length} of ${d.statuses.length} competencies attained.</p>
      <${Alerts} statuses=${d.statuses} membership=${d.membership} names=${names} who=${who} />
      <section aria-labelledby="competencies-heading"><h2 id="competencies-heading">Competencies</h2>
        ${d.statuses.length === 0 && html`<p>No competency is in effect yet.</p>`}
        <div class="cards">${d.statuses.map((s) => html`<${CompetencyCard} status=${s} name=${names[s.competencyId] || s.competencyId} who=${who} />`)}</div>
      </section>
      <${ProgrammesPanel} org=${d.organisation.id} role=${claims?.role} />
      <${Forecast} forecast=${d.forecast} names=${names} who=${who} />
      <${WhatIf} org=${org} statuses=${d.statuses} users=${d.users} names=${names} who=${who} />
    </div>`;
  }}<//>`;
}

/** Why buying a level would be refused, predicted from the competencies membership knows (the API decides). */
function purchaseHint(membership, level) {
  if (level === 'SOLUTIONS_PARTNER') {
    const held = (membership.designations || []).filter((d) => d.held);
    return held.length ? `Designation held: ${held.map((d) => d.name).join(', ')}.`
      : 'Needs a Solutions Partner designation — none held yet.';
  }
  const earned = (membership.competencies || []).some((c) => rank(c.level) >= rank(level)
    && (!c.validUntil || new Date(c.validUntil) >= new Date()));
  return earned ? `A competency at ${title(level)} or higher qualifies.` : `Needs a competency attained at ${title(level)} — none yet.`;
}

export function Membership({ org }) {
  const state = useLoad(async () => {
    const [organisation, membership, statuses, users] = await Promise.all([get(path`/organizations/${org}`),
      get(path`/organizations/${org}/membership`), getAll(path`/competency-status/${org}`).catch(() => []), peopleOf(org)]);
    return { organisation, membership, statuses, users };
  }, [org]);
  return html`<${Loaded} state=${state}>${({ organisation, membership: m, statuses, users }) => html`<div class="membership">
    <${OrgHeading} organisation=${organisation} page="Membership" />
    <p class="summary">Level <${LevelBadge} level=${m.level} /></p>
    <dl class="facts">
      <div><dt>Subscription</dt><dd id="subscription">${m.subscription
        ? `${packTitle(m.subscription.level)} from ${m.subscription.startsOn} to ${m.subscription.endsOn}` : 'none (network member)'}</dd></div>
      <div><dt>Renewal</dt><dd>${m.renewal ? `${packTitle(m.renewal.level)} from ${m.renewal.startsOn} to ${m.renewal.endsOn}` : 'not bought'}</dd></div>
    </dl>
    ${m.renewalAtRisk && html`<div class="alert" role="status"><strong>Renewal at risk</strong></div>`}
    ${m.alerts.length > 0 && html`<${Alerts} statuses=${statuses.filter((s) => m.alerts.some((a) => a.competencyId === s.competencyId))}
      membership=${m} names=${{}} who=${namer(users)} />`}
    <section aria-labelledby="benefits-heading"><h2 id="benefits-heading">Benefits</h2>
      <ul class="benefits">${m.benefits.map((b) => html`<li>${b}</li>`)}</ul></section>
    <section aria-labelledby="packs-heading"><h2 id="packs-heading">Benefit packs</h2>
      <div class="packs">
        ${PACKS.map((level) => html`<${ActionButton} id=${`buy-${level.toLowerCase().replace('_', '-')}`} label=${`Buy the ${packTitle(level)} pack`}
          hint=${purchaseHint(m, level)} onDone=${state.reload}
          action=${() => post(path`/organizations/${org}/membership/purchases`, { level })} />`)}
        ${m.subscription && html`<${ActionButton} id="renew" label=${`Renew ${packTitle(m.subscription.level)}`}
          hint="Needs the requirements met again, not at risk." onDone=${state.reload}
          action=${() => post(path`/organizations/${org}/membership/renewals`)} />`}
      </div></section>
    <section aria-labelledby="mc-heading"><h2 id="mc-heading">Competencies behind it</h2>
      <ul>${m.competencies.map((c) => html`<li>${c.competencyId} <${LevelBadge} level=${c.level} atRisk=${c.atRisk} />${' '}
        valid until ${day(c.validUntil)}</li>`)}</ul></section>
    ${(m.designations || []).length > 0 && html`<section aria-labelledby="md-heading"><h2 id="md-heading">Designations behind it</h2>
      <ul>${m.designations.map((d) => html`<li data-designation=${d.solutionAreaId}>${d.name}: ${d.held ? 'held' : 'not held'}${d.atRisk
        ? ' (at risk)' : ''}${d.score != null ? `, score ${d.score}` : ''}${d.holdsUntil ? `, holds until ${day(d.holdsUntil)}` : ''}</li>`)}</ul></section>`}
  </div>`}<//>`;
}

export function Organisations() {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = usePaged((page, size) => api(`/organizations${query({ page, size, q: search })}`), [search], 50);
  return html`<div class="organisations">
    <h1>Organisations</h1>
    <form role="search" onSubmit=${(e) => { e.preventDefault(); setSearch(q); }}>
      <label for="org-q">Name or MPN id</label><input id="org-q" value=${q} onInput=${(e) => setQ(e.target.value)} />
      <button type="submit">Search</button>
    </form>
    <${Loaded} state=${list}>${() => html`<ul class="org-list">${list.items.map((o) => html`<li>
      <a href=${orgHref(o.id, 'dashboard')}>${o.name}</a> <span class="hint">${o.mpnId} · ${o.country}</span></li>`)}</ul>
      <${Pager} ...${list.pager} label="Organisation pages" />`}<//>
  </div>`;
}
