// Partner-admin pages (ops too): the organisation dashboard, membership, people and invitations, the activity log.
// Every id that goes into an API path is encoded (path`...` in api.js).
import { html, useState, useEffect } from './preact.js';
import { api, get, post, listen, path, query } from './api.js';
import { useLoad, Loaded, Problem, LevelBadge, Progress, ActionButton, Pager, day, when, orgHref } from './ui.js';

const LEVELS = ['SILVER', 'GOLD'];
const rank = (level) => ({ NONE: 0, SILVER: 1, GOLD: 2 }[level] ?? 0);
const title = (level) => level.charAt(0) + level.slice(1).toLowerCase();

/** Names of the organisation's people by candidate id (partner-admins and ops may list them; others see ids). */
async function peopleOf(org) {
  try {
    return await get(path`/organizations/${org}/users?size=100`);
  } catch {
    return [];
  }
}
const namer = (users) => {
  const names = Object.fromEntries(users.filter((u) => u.candidateId).map((u) => [u.candidateId, u.name]));
  return (candidate) => names[candidate] || candidate;
};

function OrgHeading({ organisation, page }) {
  return html`<h1>${page}<span class="org-name"> · ${organisation.name}</span></h1>`;
}

/** The one sentence a partner admin needs first: what to do next for this competency. */
function nextStep(status, name) {
  if (status.atRisk) {
    return `Act before ${day(status.validUntil)}: ${status.reasons[0] || 'a requirement no longer holds'}.`;
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
  const gap = closest.map((r) => `${Number(r.need) - Number(r.have)} more for "${r.description}"`).join('; ');
  return `${held}To reach ${title(target)}: ${gap}.`;
}

function CompetencyCard({ status, name, who }) {
  const groups = {};
  status.requirements.forEach((r) => (groups[`${r.level} · path ${r.path}`] ||= []).push(r));
  return html`<article class="competency" data-competency=${status.competencyId} aria-labelledby=${`c-${status.competencyId}`}>
    <h3 id=${`c-${status.competencyId}`}>${name} <${LevelBadge} level=${status.level} atRisk=${status.atRisk} /></h3>
    <p class="next-step">${nextStep(status, name)}</p>
    <dl class="facts">
      <div><dt>Valid until</dt><dd>${day(status.validUntil)}</dd></div>
      <div><dt>Path met</dt><dd>${status.path ? `path ${status.path}` : 'none'}</dd></div>
      <div><dt>Attained</dt><dd>${day(status.attainedAt)}</dd></div>
      <div><dt>Requirements</dt><dd>version ${status.requirementVersion}</dd></div>
    </dl>
    ${Object.entries(groups).map(([group, reqs]) => html`<section class="path">
      <h4>${group} ${reqs.every((r) => r.met) ? '✓ met' : ''}</h4>
      <ul>${reqs.map((r) => html`<li class=${r.met ? 'met' : 'unmet'}>
        <span class="requirement">${r.description}</span>
        <${Progress} have=${r.have} need=${r.need} label=${`${group}: ${r.description}`} />
        ${r.counted.length > 0 && html`<span class="counted">Counts: ${r.counted.map(who).join(', ')}</span>`}
      </li>`)}</ul>
    </section>`)}
  </article>`;
}

function Alerts({ statuses, membership, names }) {
  const risks = statuses.filter((s) => s.atRisk);
  const alerts = membership.alerts || [];
  if (!risks.length && !alerts.length) return html`<p class="all-clear" id="alerts">No alerts: nothing is at risk.</p>`;
  return html`<section id="alerts" aria-labelledby="alerts-heading">
    <h2 id="alerts-heading">Alerts</h2>
    ${alerts.map((a) => html`<div class="alert" role="status">
      <strong>${a.message}</strong>
      <ul>${a.reasons.map((r) => html`<li>${r}</li>`)}</ul></div>`)}
    ${risks.filter((s) => !alerts.some((a) => a.competencyId === s.competencyId)).map((s) => html`<div class="alert" role="status">
      <strong>${names[s.competencyId] || s.competencyId} ${title(s.level)} is at risk</strong>
      <ul>${s.reasons.map((r) => html`<li>${r}</li>`)}</ul></div>`)}
  </section>`;
}

function Forecast({ forecast, names, who }) {
  return html`<section aria-labelledby="forecast-heading">
    <h2 id="forecast-heading">Forecast: the next 12 months</h2>
    ${forecast.length === 0 ? html`<p>No upcoming expiry costs a level.</p>` : html`<ol class="timeline">
      ${[...forecast].sort((a, b) => a.on.localeCompare(b.on)).map((f) => html`<li>
        <time datetime=${f.on}>${f.on}</time>
        <div><strong>${names[f.competencyId] || f.competencyId} ${title(f.level)}</strong> — ${f.cause}.
          Must renew: ${f.candidates.map(who).join(', ') || 'nobody named'}.
          ${f.keepsLevelIf ? html`<br /><span class="hint">Keeps the level if ${f.keepsLevelIf}</span>` : ''}</div>
      </li>`)}</ol>`}
  </section>`;
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
        <label for="expiry-certification">Certification id</label>
        <input id="expiry-certification" value=${expiry.certificationId} list="certification-ids"
          onInput=${(e) => setExpiry({ ...expiry, certificationId: e.target.value })} />
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
            <ul class="reasons">${sim.reasons.map((r) => html`<li>${r}</li>`)}</ul></td></tr>`;
      })}</tbody></table>`}
  </section>`;
}

export function Dashboard({ org }) {
  const [tick, setTick] = useState(0);
  const [live, setLive] = useState('connecting');
  const state = useLoad(async () => {
    const [organisation, statuses, forecast, membership, users, competencies] = await Promise.all([
      get(path`/organizations/${org}`), get(path`/competency-status/${org}?size=100`), get(path`/competency-status/${org}/forecast`),
      get(path`/organizations/${org}/membership`), peopleOf(org), get('/competencies?size=100').catch(() => []),
    ]);
    return { organisation, statuses, forecast, membership, users, competencies };
  }, [org, tick]);
  useEffect(() => listen(path`/competency-status/${org}/changes`,
    (event) => (event === 'status' || event === 'poll') && setTick((t) => t + 1), setLive), [org]);
  return html`<${Loaded} state=${state}>${(d) => {
    const names = Object.fromEntries(d.competencies.map((c) => [c.id, c.name]));
    const who = namer(d.users);
    const certificationIds = [...new Set(d.statuses.flatMap((s) => s.requirements.flatMap((r) =>
      (r.description.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) || []))))];
    return html`<div class="dashboard">
      <${OrgHeading} organisation=${d.organisation} page="Dashboard" />
      <p class=${`live live-${live}`} role="status" id="live">${{ live: '● Live: changes appear as they happen',
        polling: 'Updating every 5 s', reconnecting: 'Reconnecting…', connecting: 'Connecting…',
        busy: 'Too many live views open (close another tab or window): updating every 30 s',
        'signed-out': 'Not live: please sign in again' }[live]}</p>
      <p class="summary">Membership <${LevelBadge} level=${d.membership.level} />${' '}
        ${d.statuses.filter((s) => s.level !== 'NONE').length} of ${d.statuses.length} competencies attained.</p>
      <${Alerts} statuses=${d.statuses} membership=${d.membership} names=${names} />
      <section aria-labelledby="competencies-heading"><h2 id="competencies-heading">Competencies</h2>
        ${d.statuses.length === 0 && html`<p>No competency is in effect yet.</p>`}
        <div class="cards">${d.statuses.map((s) => html`<${CompetencyCard} status=${s} name=${names[s.competencyId] || s.competencyId} who=${who} />`)}</div>
      </section>
      <${Forecast} forecast=${d.forecast} names=${names} who=${who} />
      <datalist id="certification-ids">${certificationIds.map((c) => html`<option value=${c} />`)}</datalist>
      <${WhatIf} org=${org} statuses=${d.statuses} users=${d.users} names=${names} who=${who} />
    </div>`;
  }}<//>`;
}

/** Why buying a level would be refused, predicted from the competencies membership knows (the API decides). */
function purchaseHint(membership, level) {
  const earned = (membership.competencies || []).some((c) => rank(c.level) >= rank(level)
    && (!c.validUntil || new Date(c.validUntil) >= new Date()));
  return earned ? `A competency at ${title(level)} or higher qualifies.` : `Needs a competency attained at ${title(level)} — none yet.`;
}

export function Membership({ org }) {
  const state = useLoad(async () => ({
    organisation: await get(path`/organizations/${org}`), membership: await get(path`/organizations/${org}/membership`),
  }), [org]);
  return html`<${Loaded} state=${state}>${({ organisation, membership: m }) => html`<div class="membership">
    <${OrgHeading} organisation=${organisation} page="Membership" />
    <p class="summary">Level <${LevelBadge} level=${m.level} /></p>
    <dl class="facts">
      <div><dt>Subscription</dt><dd id="subscription">${m.subscription
        ? `${title(m.subscription.level)} from ${m.subscription.startsOn} to ${m.subscription.endsOn}` : 'none (network member)'}</dd></div>
      <div><dt>Renewal</dt><dd>${m.renewal ? `${title(m.renewal.level)} from ${m.renewal.startsOn} to ${m.renewal.endsOn}` : 'not bought'}</dd></div>
    </dl>
    ${m.renewalAtRisk && html`<div class="alert" role="status"><strong>Renewal at risk</strong></div>`}
    ${m.alerts.map((a) => html`<div class="alert" role="status"><strong>${a.message}</strong>
      <ul>${a.reasons.map((r) => html`<li>${r}</li>`)}</ul></div>`)}
    <section aria-labelledby="benefits-heading"><h2 id="benefits-heading">Benefits</h2>
      <ul class="benefits">${m.benefits.map((b) => html`<li>${b}</li>`)}</ul></section>
    <section aria-labelledby="packs-heading"><h2 id="packs-heading">Benefit packs</h2>
      <div class="packs">
        ${LEVELS.map((level) => html`<${ActionButton} id=${`buy-${level.toLowerCase()}`} label=${`Buy the ${title(level)} pack`}
          hint=${purchaseHint(m, level)} onDone=${state.reload}
          action=${() => post(path`/organizations/${org}/membership/purchases`, { level })} />`)}
        ${m.subscription && html`<${ActionButton} id="renew" label=${`Renew ${title(m.subscription.level)}`}
          hint="Needs the requirements met again, not at risk." onDone=${state.reload}
          action=${() => post(path`/organizations/${org}/membership/renewals`)} />`}
      </div></section>
    <section aria-labelledby="mc-heading"><h2 id="mc-heading">Competencies behind it</h2>
      <ul>${m.competencies.map((c) => html`<li>${c.competencyId} <${LevelBadge} level=${c.level} atRisk=${c.atRisk} />${' '}
        valid until ${day(c.validUntil)}</li>`)}</ul></section>
  </div>`}<//>`;
}

/**
 * Invites a person (an employee account): the answer's code is shown here once, to hand over, and never kept (not in
 * storage, gone with "Done" or when leaving the page). The person enters it under "Join your organisation".
 */
function InvitePerson({ org, onDone }) {
  const empty = { name: '', email: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState(null);
  const [invited, setInvited] = useState(null);
  const [copied, setCopied] = useState('');
  const field = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setInvited(null);
    setCopied('');
    try {
      setInvited(await post(path`/organizations/${org}/invitations`, { name: form.name, email: form.email }));
      setForm(empty);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const copy = async () => {
    const input = document.getElementById('invitation-code');
    try {
      await navigator.clipboard.writeText(invited.code);
    } catch {
      input.select();
      document.execCommand('copy');
    }
    setCopied('Copied.');
  };
  return html`<form class="invite" onSubmit=${submit} aria-labelledby="invite-heading">
    <h2 id="invite-heading">Invite a person</h2>
    <p class="hint">They get an employee account; their certifications count for this organisation once they enter
      the invitation code (signed in as themselves, under "Join your organisation").</p>
    <label for="i-name">Name</label><input id="i-name" value=${form.name} onInput=${field('name')} required />
    <label for="i-email">E-mail</label><input id="i-email" type="email" value=${form.email} onInput=${field('email')} required />
    <button type="submit">Invite</button>
    <${Problem} error=${error} />
    ${invited && html`<div class="code-once" role="status" id="invitation">
      <p><strong>Invitation for ${invited.name} (${invited.email})</strong></p>
      <label for="invitation-code">Invitation code — shown only now: give it to ${invited.name} yourself</label>
      <div class="share"><input id="invitation-code" readonly value=${invited.code} onFocus=${(e) => e.target.select()} />
        <button type="button" onClick=${copy}>Copy</button></div>
      <p class="hint">It expires in 14 days (${when(invited.expiresAt)}) and works once. PartnerHub keeps only a
        fingerprint of it: lost, invite again (the older invitation is revoked).</p>
      <span aria-live="polite">${copied}</span>
      <button type="button" class="secondary" onClick=${() => { setInvited(null); setCopied(''); }}>Done</button>
    </div>`}
  </form>`;
}

const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'];

/** The organisation's invitations, newest first (no codes: the API never shows one again), with Revoke. */
function Invitations({ org, version }) {
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const size = 20;
  const state = useLoad(async () => {
    const { data, total } = await api(path`/organizations/${org}/invitations` + query({ status, page, size }));
    return { invitations: data, total };
  }, [org, status, page, version]);
  return html`<section aria-labelledby="invitations-heading" class="invitations">
    <h2 id="invitations-heading">Invitations</h2>
    <label for="inv-status">Status</label>
    <select id="inv-status" onChange=${(e) => { setStatus(e.target.value); setPage(0); }}>
      <option value="">all</option>
      ${INVITATION_STATUSES.map((s) => html`<option value=${s} selected=${status === s}>${s.toLowerCase()}</option>`)}
    </select>
    <${Loaded} state=${state}>${({ invitations, total }) => html`<div class="table-scroll"><table>
      <caption>${total} invitation${total === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">Person</th><th scope="col">Status</th><th scope="col">Created</th>
        <th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${invitations.map((i) => html`<tr data-invitation=${i.id}>
        <th scope="row">${i.name}<br /><span class="hint">${i.email}</span></th>
        <td class="status">${i.status.toLowerCase()}</td><td>${when(i.createdAt)}</td><td>${when(i.expiresAt)}</td>
        <td>${i.status === 'PENDING' && html`<${ActionButton} id=${`revoke-${i.id}`} label="Revoke"
          action=${() => window.confirm(`Revoke the invitation for ${i.name}? The code stops working.`)
            && post(path`/organizations/${org}/invitations/${i.id}/revocation`)} onDone=${state.reload} />`}</td>
      </tr>`)}</tbody>
    </table></div>
    <${Pager} page=${page} size=${size} total=${total} onPage=${setPage} label="Invitation pages" />`}<//>
  </section>`;
}

function ImportCsv({ org, onDone }) {
  const [csv, setCsv] = useState('name,email,role\n');
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const pick = async (e) => e.target.files[0] && setCsv(await e.target.files[0].text());
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      setReport((await api(path`/organizations/${org}/user-imports`, { method: 'POST', body: csv, contentType: 'text/csv' })).data);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="import" onSubmit=${submit} aria-labelledby="import-heading">
    <h2 id="import-heading">Import people (CSV)</h2>
    <label for="csv-file">CSV file with the header <code>name,email,role</code> (up to 1,000 rows)</label>
    <input id="csv-file" type="file" accept=".csv,text/csv" onChange=${pick} />
    <label for="csv-text">or the rows themselves</label>
    <textarea id="csv-text" rows="4" value=${csv} onInput=${(e) => setCsv(e.target.value)}></textarea>
    <button type="submit">Import</button>
    <${Problem} error=${error} />
    ${report && html`<table class="report"><caption>Import report</caption>
      <thead><tr><th scope="col">Row</th><th scope="col">Result</th><th scope="col">Why</th></tr></thead>
      <tbody>${report.rows.map((r) => html`<tr class=${r.status.toLowerCase()}><td>${r.row}</td><td>${r.status}</td><td>${r.problem || ''}</td></tr>`)}</tbody>
    </table>`}
  </form>`;
}

export function People({ org }) {
  const [version, setVersion] = useState(0);
  const state = useLoad(async () => {
    const [organisation, users, statuses] = await Promise.all([
      get(path`/organizations/${org}`), get(path`/organizations/${org}/users?size=100`), get(path`/competency-status/${org}?size=100`),
    ]);
    return { organisation, users, statuses };
  }, [org]);
  const invited = () => { setVersion((v) => v + 1); state.reload(); };
  return html`<${Loaded} state=${state}>${({ organisation, users, statuses }) => {
    const countedIn = (candidate) => statuses.flatMap((s) => s.requirements.filter((r) => r.counted.includes(candidate))
      .map((r) => `${s.competencyId} ${title(r.level)}: ${r.description}`));
    return html`<div class="people">
      <${OrgHeading} organisation=${organisation} page="People" />
      <div class="table-scroll"><table>
        <caption>${users.length} people</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Association</th>
          <th scope="col">Counted certifications</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${users.map((u) => html`<tr data-user=${u.id}>
          <th scope="row">${u.name}<br /><span class="hint">${u.email}</span></th>
          <td>${u.role}</td>
          <td>${u.status === 'DEPARTED' ? `departed ${day(u.departedAt)}` : u.candidateId ? `associated (${u.candidateId})` : 'not associated'}</td>
          <td>${u.candidateId ? (countedIn(u.candidateId).map((c) => html`<div>${c}</div>`)) : ''}</td>
          <td>${u.status === 'ACTIVE' && html`<${ActionButton} id=${`depart-${u.id}`} label="Record departure"
            action=${() => window.confirm(`Record that ${u.name} left the organisation?`)
              && post(path`/organizations/${org}/users/${u.id}/departure`)} onDone=${state.reload} />`}</td>
        </tr>`)}</tbody>
      </table></div>
      <div class="forms">
        <${InvitePerson} org=${org} onDone=${invited} />
        <${ImportCsv} org=${org} onDone=${state.reload} />
      </div>
      <${Invitations} org=${org} version=${version} />
    </div>`;
  }}<//>`;
}

const ACTIVITY_KINDS = ['USER_ADDED', 'USER_CHANGED', 'USER_REMOVED', 'USERS_IMPORTED', 'USER_DEPARTED',
  'INVITATION_CREATED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'PERSON_JOINED', 'PERSON_LEFT',
  'SUPPORT_ASSOCIATION', 'PERFORMANCE_REPORTED', 'PERFORMANCE_CORRECTED', 'MEMBERSHIP_PURCHASED', 'MEMBERSHIP_RENEWED'];
const words = (kind) => kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
/** A datetime-local value (the browser's local time) as an instant, or undefined when empty. */
const instant = (local) => (local ? new Date(local).toISOString() : undefined);

/** The organisation's activity log: who did what and when, newest first, by kind and time range, paged. */
export function Activity({ org }) {
  const none = { kind: '', from: '', to: '' };
  const [draft, setDraft] = useState(none);
  const [filter, setFilter] = useState(none);
  const [page, setPage] = useState(0);
  const size = 25;
  const organisation = useLoad(() => get(path`/organizations/${org}`), [org]);
  const log = useLoad(async () => {
    const { data, total } = await api(path`/organizations/${org}/activity`
      + query({ kind: filter.kind, from: instant(filter.from), to: instant(filter.to), page, size }));
    return { entries: data, total };
  }, [org, filter, page]);
  const field = (name) => (e) => setDraft({ ...draft, [name]: e.target.value });
  const apply = (e) => { e.preventDefault(); setFilter(draft); setPage(0); };
  return html`<${Loaded} state=${organisation}>${(o) => html`<div class="activity">
    <${OrgHeading} organisation=${o} page="Activity" />
    <form class="filters" onSubmit=${apply} aria-label="Filter the activity">
      <div><label for="act-kind">Kind</label>
        <select id="act-kind" onChange=${field('kind')}>
          <option value="">all kinds</option>
          ${ACTIVITY_KINDS.map((k) => html`<option value=${k} selected=${draft.kind === k}>${words(k)}</option>`)}
        </select></div>
      <div><label for="act-from">From (your local time)</label>
        <input id="act-from" type="datetime-local" value=${draft.from} onInput=${field('from')} /></div>
      <div><label for="act-to">To</label>
        <input id="act-to" type="datetime-local" value=${draft.to} onInput=${field('to')} /></div>
      <button type="submit">Show</button>
    </form>
    <${Loaded} state=${log}>${({ entries, total }) => html`<div class="table-scroll"><table class="activity-log">
        <caption>${total} entr${total === 1 ? 'y' : 'ies'}, newest first</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Summary</th></tr></thead>
        <tbody>${entries.map((a) => html`<tr data-activity=${a.id} data-kind=${a.kind}>
          <td><time datetime=${a.at}>${when(a.at)}</time></td>
          <td>${a.actor ? html`${a.actor.subject}<br /><span class="hint">${a.actor.role}</span>` : '—'}</td>
          <td>${words(a.kind)}</td>
          <td>${a.summary}</td>
        </tr>`)}</tbody>
      </table></div>
      ${entries.length === 0 && html`<p>Nothing recorded${filter.kind || filter.from || filter.to ? ' for this filter' : ''}.</p>`}
      <${Pager} page=${page} size=${size} total=${total} onPage=${setPage} label="Activity pages" />`}<//>
  </div>`}<//>`;
}

export function Organisations() {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const state = useLoad(() => get(`/organizations${query({ size: 100, q: search })}`), [search]);
  return html`<div class="organisations">
    <h1>Organisations</h1>
    <form role="search" onSubmit=${(e) => { e.preventDefault(); setSearch(q); }}>
      <label for="org-q">Name or MPN id</label><input id="org-q" value=${q} onInput=${(e) => setQ(e.target.value)} />
      <button type="submit">Search</button>
    </form>
    <${Loaded} state=${state}>${(orgs) => html`<ul class="org-list">${orgs.map((o) => html`<li>
      <a href=${orgHref(o.id, 'dashboard')}>${o.name}</a> <span class="hint">${o.mpnId} · ${o.country}</span></li>`)}</ul>`}<//>
  </div>`;
}
