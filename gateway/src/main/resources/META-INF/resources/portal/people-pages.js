// Partner-admin pages (ops too) about the organisation's people: invitations, the people list with its CSV import,
// and the activity log. Every id that goes into an API path is encoded (path`...` in api.js).
import { html, useState } from './preact.js';
import { api, get, getAll, post, path, query } from './api.js';
import { useLoad, Loaded, Problem, ActionButton, Pager, day, when } from './ui.js';
import { OrgHeading, title } from './org-pages.js';
import { RequirementLabel } from './reason-views.js';

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
      get(path`/organizations/${org}`), getAll(path`/organizations/${org}/users`), getAll(path`/competency-status/${org}`),
    ]);
    return { organisation, users, statuses };
  }, [org]);
  const invited = () => { setVersion((v) => v + 1); state.reload(); };
  return html`<${Loaded} state=${state}>${({ organisation, users, statuses }) => {
    const countedIn = (candidate) => statuses.flatMap((s) => s.requirements.filter((r) => r.counted.includes(candidate))
      .map((r) => html`${s.competencyId} ${title(r.level)}: <${RequirementLabel} requirement=${r} />`));
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
  'SUPPORT_ASSOCIATION', 'PERFORMANCE_REPORTED', 'PERFORMANCE_CORRECTED', 'MEMBERSHIP_PURCHASED', 'MEMBERSHIP_RENEWED',
  'WEBHOOK_ADDED', 'WEBHOOK_CHANGED', 'WEBHOOK_REMOVED', 'WEBHOOK_SECRET_ROTATED', 'WEBHOOK_DISABLED'];
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

