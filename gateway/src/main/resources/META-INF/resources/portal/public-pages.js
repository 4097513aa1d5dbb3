// Public pages (issue 27), readable without signing in: the partner directory (#/directory), a partner's profile
// (#/partners/{id}: its directory entry and its verifiable organisation credentials), a shared transcript
// (#/transcripts/{code}) and a badge that verifies live (#/badges/{holdingId}); and the partner-admin's setting to
// appear in the directory with the preview of what it shows (#/org/{id}/listing).
import { html, useState, useEffect } from './preact.js';
import { api, get, post, path, query } from './api.js';
import { Loaded, Problem, LevelBadge, Pager, ActionButton, useLoad, day, when, orgHref } from './ui.js';
import { PublicProfile } from './profile-pages.js';

const SIZE = 20;
const words = (text) => text.charAt(0) + text.slice(1).toLowerCase().replace(/_/g, ' ');

/** One partner as the directory shows it: public fields only. */
export function DirectoryCard({ entry, heading = 'h2', link = true }) {
  const name = link ? html`<a href=${`#/partners/${encodeURIComponent(entry.id)}`}>${entry.name}</a>` : entry.name;
  return html`<li class="partner" data-partner=${entry.id}>
    ${heading === 'h2' ? html`<h2>${name}</h2>` : html`<h3>${name}</h3>`}
    <p><span class="country">Country: ${entry.country}</span> · Membership: <${LevelBadge} level=${entry.level} /></p>
    ${entry.competencies.length > 0 && html`<p>Competencies: ${entry.competencies.map((c, i) => html`${i ? ', ' : ''}<span
      class="competency-tag">${c.competencyId} (${words(c.level)})</span>`)}</p>`}
    ${entry.designations.length > 0 && html`<p>Solutions Partner: ${entry.designations.map((d, i) => html`${i ? ', ' : ''}<span
      title=${d.solutionAreaId}>${d.name}</span>`)}</p>`}
  </li>`;
}

/** #/directory: search by name or MPN id, country, competency, designation; paged by the API (X-Total-Count). */
export function Directory() {
  const [form, setForm] = useState({ q: '', country: '', competency: '', designation: '' });
  const [search, setSearch] = useState(form);
  const [page, setPage] = useState(0);
  const state = useLoad(() => api('/partner-directory' + query({ ...search, page, size: SIZE })), [search, page]);
  const field = (name, label, hint) => html`<div class="field">
    <label for=${`dir-${name}`}>${label}</label>
    <input id=${`dir-${name}`} name=${name} value=${form[name]} aria-describedby=${hint ? `dir-${name}-hint` : undefined}
      onInput=${(e) => setForm({ ...form, [name]: e.target.value })} />
    ${hint && html`<span class="hint" id=${`dir-${name}-hint`}>${hint}</span>`}</div>`;
  const submit = (e) => {
    e.preventDefault();
    setPage(0);
    setSearch({ ...form, country: form.country.trim().toUpperCase() });
  };
  return html`<div class="directory">
    <h1>Partner directory</h1>
    <p class="hint">Partners that chose to be listed, with the competencies and designations they hold now.</p>
    <form class="search" role="search" aria-label="Find partners" onSubmit=${submit}>
      ${field('q', 'Name or MPN id')}
      ${field('country', 'Country', 'Two letters, e.g. DE')}
      ${field('competency', 'Competency id', 'e.g. cloud-platform')}
      ${field('designation', 'Solutions Partner area id', 'e.g. infrastructure')}
      <button type="submit" id="dir-search">Search</button>
    </form>
    <${Loaded} state=${state}>${(answer) => html`<section aria-labelledby="dir-results">
      <h2 id="dir-results" class="sr-only">Results</h2>
      <p role="status" id="dir-count">${answer.total === 1 ? '1 partner' : `${answer.total} partners`} found</p>
      <ul class="partner-list">${answer.data.map((entry) => html`<${DirectoryCard} key=${entry.id} entry=${entry} heading="h3" />`)}</ul>
      <${Pager} page=${page} size=${SIZE} total=${answer.total} onPage=${setPage} label="Directory pages" />
    </section>`}<//>
  </div>`;
}

/** #/partners/{id}: the directory entry (when listed) above the organisation's verifiable credentials. */
export function Partner({ org }) {
  const entry = useLoad(() => get(path`/partner-directory/${org}`).catch(() => null), [org]);
  return html`<div class="partner-page">
    <p><a href="#/directory">← Partner directory</a></p>
    ${entry.data && html`<ul class="partner-list" aria-label="Directory entry"><${DirectoryCard} entry=${entry.data} link=${false} /></ul>`}
    <${PublicProfile} org=${org} />
  </div>`;
}

function Holding({ holding }) {
  return html`<li class="holding" data-holding=${holding.id}>
    <h3><span title=${holding.certificationId}>${holding.certificationName || holding.certificationId}</span></h3>
    <p>${words(holding.level || '')} · ${words(holding.status)} · earned ${day(holding.earnedAt)}
      ${holding.expiresAt ? ` · ${holding.status === 'ACTIVE' ? 'valid until' : 'expired'} ${day(holding.expiresAt)}` : ' · does not expire'}
      ${holding.endedAt ? ` · ended ${day(holding.endedAt)}${holding.endReason ? ` (${holding.endReason})` : ''}` : ''}</p>
    ${holding.status === 'ACTIVE' && html`<p><a href=${`#/badges/${encodeURIComponent(holding.id)}`}>Badge and live verification</a></p>`}
  </li>`;
}

/** #/transcripts/{code}: a transcript its holder shared (read-only, no token). */
export function SharedTranscript({ code }) {
  const state = useLoad(() => get(path`/shared-transcripts/${code}`), [code]);
  return html`<${Loaded} state=${state}>${(t) => html`<div class="transcript">
    <h1>Shared transcript</h1>
    <p class="hint">Shared by its holder (candidate <code>${t.candidateId}</code>); the holder can revoke the link at any time.</p>
    <section aria-labelledby="t-active"><h2 id="t-active">Active certifications</h2>
      ${t.activeCertifications.length === 0 ? html`<p>None.</p>`
        : html`<ul class="holdings">${t.activeCertifications.map((h) => html`<${Holding} key=${h.id} holding=${h} />`)}</ul>`}</section>
    ${t.history.length > 0 && html`<section aria-labelledby="t-history"><h2 id="t-history">History</h2>
      <ul class="holdings">${t.history.map((h) => html`<${Holding} key=${h.id} holding=${h} />`)}</ul></section>`}
    <section aria-labelledby="t-exams"><h2 id="t-exams">Passed exams</h2>
      ${(t.passedExams || []).length === 0 ? html`<p>None.</p>` : html`<table><caption class="sr-only">Passed exams</caption>
        <thead><tr><th scope="col">Exam</th><th scope="col">Score</th><th scope="col">Taken</th></tr></thead>
        <tbody>${t.passedExams.map((e) => html`<tr><th scope="row">${e.examCode}</th><td>${e.score}</td><td>${day(e.takenAt)}</td></tr>`)}</tbody>
      </table>`}</section>
    ${(t.passedAssessments || []).length > 0 && html`<section aria-labelledby="t-assessments"><h2 id="t-assessments">Passed assessments</h2>
      <ul>${t.passedAssessments.map((a) => html`<li><span title=${a.assessmentId}>${a.name || a.assessmentId}</span>, ${day(a.passedAt)}</li>`)}</ul></section>`}
  </div>`}<//>`;
}

/** #/badges/{holdingId}: the Open Badge, its status now, and its signature checked on opening (and on demand). */
export function BadgePage({ holding }) {
  const state = useLoad(async () => {
    const [{ data: badge }, status] = await Promise.all([
      api(path`/badges/${holding}`, { accept: 'application/ld+json' }).then((r) => ({ data: r.data || JSON.parse(r.text) })),
      get(path`/badges/${holding}/verification`),
    ]);
    return { badge, status };
  }, [holding]);
  const [check, setCheck] = useState(null);
  const [error, setError] = useState(null);
  const verify = async () => {
    setError(null);
    try {
      const { text } = await api(path`/badges/${holding}`, { accept: 'application/vc+jwt' });
      setCheck(await post('/badge-verifications', { jwt: text }));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { setCheck(null); verify(); }, [holding]);
  return html`<${Loaded} state=${state}>${({ badge, status }) => {
    const subject = badge.credentialSubject || {};
    const achievement = subject.achievement || {};
    const valid = check && check.signatureValid && check.status === 'ACTIVE';
    return html`<div class="badge-page">
      <h1>${badge.name || achievement.name || 'Badge'}</h1>
      <p>Issued by ${badge.issuer?.name || 'the partner programme'} · valid from ${day(status.validFrom)}
        ${status.validUntil ? ` until ${day(status.validUntil)}` : ''}</p>
      ${achievement.description && html`<p>${achievement.description}</p>`}
      <p class=${status.status === 'ACTIVE' ? 'verified' : 'problem'} data-status=${status.status}>Status now: ${words(status.status)}</p>
      <div class="buttons"><${ActionButton} id="badge-verify" label="Verify again" action=${verify} /></div>
      <div aria-live="polite" id="badge-check">
        ${check && html`<p class=${valid ? 'verified' : 'problem'} data-verified=${String(!!valid)}>
          ${check.signatureValid ? `Signature valid (key ${check.keyId}); ${words(check.status || 'unknown')}` : `Signature NOT valid: ${check.detail || ''}`}${' '}
          — checked ${when(check.checkedAt)}</p>`}
        <${Problem} error=${error} /></div>
    </div>`;
  }}<//>`;
}

/** #/org/{id}/listing: the partner-admin's choice to appear in the directory, and what appears. */
export function Listing({ org }) {
  const state = useLoad(() => get(path`/organizations/${org}/directory-listing`), [org]);
  const [saved, setSaved] = useState(null);
  const [error, setError] = useState(null);
  const change = async (listed) => {
    setError(null);
    try {
      await api(path`/organizations/${org}/directory-listing`, { method: 'PUT', body: { listed } });
      setSaved(listed ? 'Listed: the directory shows the preview below.' : 'Not listed any more.');
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  return html`<${Loaded} state=${state}>${(listing) => html`<div class="listing">
    <h1>Directory listing</h1>
    <div class="field checkbox">
      <input type="checkbox" id="listed" checked=${listing.listed} aria-describedby="listed-hint"
        onChange=${(e) => change(e.target.checked)} />
      <label for="listed">List my organisation in the public partner directory</label>
    </div>
    <p class="hint" id="listed-hint">Off by default. Anyone can then find the organisation by name, country, competency or
      designation. ${listing.changedAt ? `Last changed ${when(listing.changedAt)} (in the activity log).` : ''}</p>
    <p role="status" id="listed-saved">${saved || ''}</p>
    <${Problem} error=${error} />
    <section aria-labelledby="preview-heading"><h2 id="preview-heading">Public preview</h2>
      <p class="hint">Exactly what the directory shows${listing.listed ? '' : ' once listed'}: nothing else (no people,
        figures or reasons).</p>
      <ul class="partner-list" aria-label="Preview"><${DirectoryCard} entry=${listing.preview} heading="h3" link=${false} /></ul>
      <p><a href=${`#/partners/${encodeURIComponent(org)}`}>The public profile with its credentials</a>
        ${' · '}<a href=${orgHref(org, 'dashboard')}>Back to the dashboard</a></p>
    </section>
  </div>`}<//>`;
}
