// Employee pages: my transcript (Renew starts the renewal assessment, assess-pages.js; share links: list, create,
// revoke), my badges, joining an organisation by invitation. Exams: exam-pages.js, booking-pages.js.
// Every id that goes into an API path is encoded (path`...` in api.js).
import { html, useState } from './preact.js';
import { api, get, post, path, query, ApiError } from './api.js';
import { useLoad, usePaged, Loaded, Problem, ActionButton, Pager, day, when, daysUntil, localInput } from './ui.js';
import { startOrResume } from './assess-pages.js';

/** Where a holding stands on its renewal: not renewable, window open (until expiry), or opening on a date. */
function renewalWindow(h) {
  if (!h.expiresAt) return { text: 'Never expires', open: false };
  if (!h.renewalOpensAt) return { text: `Expires ${day(h.expiresAt)}`, open: false };
  const open = new Date(h.renewalOpensAt) <= new Date() && new Date(h.expiresAt) > new Date();
  return open
    ? { text: `Renewal window open until ${day(h.expiresAt)} (${daysUntil(h.expiresAt)} days left)`, open }
    : { text: `Renewal window opens ${day(h.renewalOpensAt)}, closes ${day(h.expiresAt)}`, open };
}

function Holding({ holding }) {
  const renewal = renewalWindow(holding);
  return html`<li class="holding" data-holding=${holding.id}>
    <strong>${holding.certificationName || holding.certificationId}</strong> <span class="tag">${holding.level}</span>
    <div>Earned ${day(holding.earnedAt)} · ${holding.expiresAt ? `expires ${day(holding.expiresAt)}` : 'no expiry'}</div>
    <div class=${renewal.open ? 'window-open' : 'hint'}>${renewal.text}</div>
    ${holding.certificationStatus && holding.certificationStatus !== 'ACTIVE'
      && html`<div class="hint">Certification ${holding.certificationStatus.toLowerCase()}${holding.successor ? `; successor ${holding.successor}` : ''}</div>`}
    ${renewal.open && html`<${ActionButton} id=${`renew-${holding.id}`} label="Renew"
      hint="Take the renewal assessment (or go on with the one you started)."
      action=${() => startOrResume(path`/certification-holdings/${holding.id}/renewal-assessments`)} />`}
  </li>`;
}

export function Transcript({ candidate }) {
  const state = useLoad(() => get(path`/transcripts/${candidate}`), [candidate]);
  return html`<${Loaded} state=${state}>${(t) => html`<div class="transcript">
    <h1>My transcript</h1>
    <section aria-labelledby="active-heading"><h2 id="active-heading">Active certifications</h2>
      <p class="hint">From 180 days before its expiry a certification is renewed by passing its free online
        renewal assessment: Renew takes you there. Other assessments: <a href="#/me/assessments">Assessments</a>.
        What else to earn: <a href="#/me/certifications">Certifications</a>.</p>
      ${t.activeCertifications.length === 0 ? html`<p>None yet.</p>`
        : html`<ul class="holdings">${t.activeCertifications.map((h) => html`<${Holding} holding=${h} />`)}</ul>`}
    </section>
    <section aria-labelledby="history-heading"><h2 id="history-heading">History</h2>
      ${t.history.length === 0 ? html`<p>Nothing expired or revoked.</p>` : html`<ul>${t.history.map((h) => html`<li>
        ${h.certificationName || h.certificationId}: ${h.status.toLowerCase()} ${day(h.endedAt || h.expiresAt)}${h.endReason ? ` (${h.endReason})` : ''}</li>`)}</ul>`}
    </section>
    <${Attempts} candidate=${candidate} passed=${t.passedExams} />
    <section aria-labelledby="assessments-heading"><h2 id="assessments-heading">Assessments</h2>
      ${t.passedAssessments.length === 0 ? html`<p>None passed.</p>`
        : html`<ul>${t.passedAssessments.map((a) => html`<li>${a.name || a.assessmentId}, passed ${day(a.passedAt)}</li>`)}</ul>`}
    </section>
    <${ShareLinks} candidate=${candidate} />
  </div>`}<//>`;
}

/** My exam attempts, newest first, a page at a time (X-Total-Count); the transcript's passes when none are listed. */
function Attempts({ candidate, passed }) {
  const list = usePaged((page, size) => api(path`/exam-candidates/${candidate}/attempts` + query({ page, size })), [candidate], 10);
  const attempts = list.items;
  return html`<section aria-labelledby="exams-heading"><h2 id="exams-heading">Exams</h2>
    <div class="table-scroll"><table><caption>Attempts${list.pager.total ? ` (${list.pager.total})` : ''}</caption>
      <thead><tr><th scope="col">Exam</th><th scope="col">Taken</th><th scope="col">Score</th><th scope="col">Result</th></tr></thead>
      <tbody>${attempts.map((a) => html`<tr><td>${a.examCode}</td><td>${when(a.takenAt)}</td><td>${a.score ?? '—'}</td>
        <td>${a.status === 'WITHHELD' ? 'withheld (beta)' : a.passed ? 'passed' : 'failed'}</td></tr>`)}
        ${!list.loading && attempts.length === 0 && passed.map((p) => html`<tr><td>${p.examCode}</td><td>${when(p.takenAt)}</td><td>${p.score}</td><td>passed</td></tr>`)}
      </tbody></table></div>
    <${Pager} ...${list.pager} label="Attempt pages" />
  </section>`;
}

const shareUrl = (code) => `${location.origin}/api${path`/shared-transcripts/${code}`}`;

/** Share links of my transcript: list (paged), create (optionally expiring, local time), revoke. */
function ShareLinks({ candidate }) {
  const list = usePaged((page, size) => api(path`/transcripts/${candidate}/share-codes` + query({ page, size })), [candidate], 10);
  const [until, setUntil] = useState('');
  const [created, setCreated] = useState(null);
  const create = async () => {
    const code = await post(path`/transcripts/${candidate}/share-codes`, until ? { expiresAt: new Date(until).toISOString() } : {});
    setCreated(code);
    list.reload();
  };
  const revoke = async (code) => {
    await api(path`/transcripts/${candidate}/share-codes/${code}`, { method: 'DELETE' });
    if (created && created.code === code) setCreated(null);
    list.reload();
  };
  return html`<section aria-labelledby="share-heading" class="share-links"><h2 id="share-heading">Share links</h2>
    <p class="hint">Anyone with a share link reads this transcript (without the badge salts) until it expires or you
      revoke it.</p>
    <label for="share-until">Expires (your local time; empty: until revoked)</label>
    <input id="share-until" type="datetime-local" value=${until} min=${localInput(new Date())} onInput=${(e) => setUntil(e.target.value)} />
    <${ActionButton} id="share-transcript" label="Create a share link" action=${create} />
    ${created && html`<div class="code-once" role="status"><label for="shared-link">New share link</label>
      <input id="shared-link" readonly value=${shareUrl(created.code)} onFocus=${(e) => e.target.select()} /></div>`}
    <${Loaded} state=${list}>${() => (list.pager.total === 0 ? html`<p>No share links.</p>` : html`<div class="table-scroll">
      <table class="share-codes"><caption>${list.pager.total} share link${list.pager.total === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">Link</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Status</th>
        <th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${list.items.map((c) => html`<tr data-share-code=${c.code}>
        <td><a href=${shareUrl(c.code)} title=${c.code}>…${c.code.slice(-6)}</a></td><td>${when(c.createdAt)}</td>
        <td>${c.expiresAt ? when(c.expiresAt) : 'when revoked'}</td>
        <td>${c.status === 'REVOKED' ? `revoked ${when(c.revokedAt)}` : c.status.toLowerCase()}</td>
        <td>${c.status === 'ACTIVE' && html`<${ActionButton} id=${`revoke-${c.code}`} label="Revoke"
          action=${() => revoke(c.code)} />`}</td></tr>`)}</tbody></table></div>
      <${Pager} ...${list.pager} label="Share link pages" />`)}<//>
  </section>`;
}

/** Saves a badge as a file: the OB3 JSON-LD credential or the same signed as a VC-JWT. */
async function download(holdingId, signed) {
  const { text } = await api(path`/badges/${holdingId}`, { accept: signed ? 'application/vc+jwt' : 'application/ld+json' });
  const blob = new Blob([text], { type: signed ? 'application/vc+jwt' : 'application/ld+json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `badge-${holdingId}.${signed ? 'jwt' : 'json'}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function Badge({ holding }) {
  const [verification, setVerification] = useState(null);
  const share = `${location.origin}/api${path`/badges/${holding.id}`}`;
  const verify = async () => {
    const { text } = await api(path`/badges/${holding.id}`, { accept: 'application/vc+jwt' });
    setVerification(await post('/badge-verifications', { jwt: text }));
  };
  return html`<li class="badge" data-holding=${holding.id}>
    <h2>${holding.certificationName || holding.certificationId}</h2>
    <div class="buttons">
      <${ActionButton} id=${`ob3-${holding.id}`} label="Download OB3 (JSON-LD)" action=${() => download(holding.id, false)} />
      <${ActionButton} id=${`jwt-${holding.id}`} label="Download VC-JWT" action=${() => download(holding.id, true)} />
      <${ActionButton} id=${`verify-${holding.id}`} label="Verify" action=${verify} />
    </div>
    ${verification && html`<p class=${verification.signatureValid && verification.status === 'ACTIVE' ? 'verified' : 'problem'} role="status">
      ${verification.signatureValid ? `Signature valid; ${verification.status.toLowerCase()}` : 'Signature NOT valid'}
      ${verification.validUntil ? ` until ${day(verification.validUntil)}` : ''}</p>`}
    <label for=${`share-${holding.id}`}>Share link (public, anyone can check it)</label>
    <div class="share"><input id=${`share-${holding.id}`} readonly value=${share} onFocus=${(e) => e.target.select()} />
      <button type="button" onClick=${() => navigator.clipboard?.writeText(share)}>Copy</button></div>
  </li>`;
}

export function Badges({ candidate }) {
  const state = useLoad(() => get(path`/transcripts/${candidate}`), [candidate]);
  return html`<${Loaded} state=${state}>${(t) => html`<div class="badges">
    <h1>My badges</h1>
    ${t.activeCertifications.length === 0 && html`<p>No active certification, so no badge yet.</p>`}
    <ul class="badge-list">${t.activeCertifications.map((h) => html`<${Badge} holding=${h} />`)}</ul>
    <p class="hint">To share your whole transcript: <a href="#/me/transcript">share links on your transcript</a>.</p>
  </div>`}<//>`;
}

/**
 * Joins the organisation of the token with the invitation code a partner admin handed over: the API takes the person
 * (candidate id) from the token only. 404 for any code that does not work, 429 after 5 tries a minute.
 */
export function Join({ org }) {
  const [code, setCode] = useState('');
  const [joined, setJoined] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const association = await post(path`/organizations/${org}/invitations/acceptance`, { code: code.trim() });
      const organisation = await get(path`/organizations/${association.organizationId}`).catch(() => null);
      setJoined({ ...association, name: organisation?.name });
      setCode('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="join">
    <h1>Join your organisation</h1>
    ${joined ? html`<div class="eligible" role="status" id="joined">
      <strong>You joined ${joined.name || `organisation ${joined.organizationId}`}.</strong>
      Your certifications count for it from ${when(joined.associatedAt)}.</div>` : html`<form onSubmit=${submit}>
      <p class="hint">Your organisation's partner admin invited you and gave you a code. It works once, for 14 days.</p>
      <label for="join-code">Invitation code</label>
      <input id="join-code" value=${code} onInput=${(e) => setCode(e.target.value)} required
        autocomplete="off" spellcheck="false" />
      <button type="submit" disabled=${busy}>${busy ? 'Joining…' : 'Join'}</button>
    </form>`}
    <div aria-live="polite" id="join-problem">${error && html`<${JoinProblem} error=${error} />`}</div>
  </div>`;
}

function JoinProblem({ error }) {
  if (error instanceof ApiError && error.status === 404) {
    return html`<div class="problem" role="alert"><strong>That code does not work</strong> — it is unknown, used,
      expired or revoked. Ask your partner admin for a new invitation.</div>`;
  }
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} s` : 'a minute';
    return html`<div class="problem" role="alert"><strong>Too many tries</strong> — wait ${wait}, then try again.</div>`;
  }
  return html`<${Problem} error=${error} />`;
}
