// Employee pages: my transcript (Renew starts the renewal assessment, assess-pages.js), my badges, exams (eligibility before booking), joining an organisation by invitation.
// Every id that goes into an API path is encoded (path`...` in api.js).
import { html, useState } from './preact.js';
import { api, get, post, path, query, ApiError } from './api.js';
import { useLoad, Loaded, Problem, ActionButton, day, when, daysUntil } from './ui.js';
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
  const state = useLoad(async () => {
    const [transcript, attempts] = await Promise.all([
      get(path`/transcripts/${candidate}`), get(path`/exam-candidates/${candidate}/attempts?size=100`).catch(() => []),
    ]);
    return { transcript, attempts };
  }, [candidate]);
  return html`<${Loaded} state=${state}>${({ transcript: t, attempts }) => html`<div class="transcript">
    <h1>My transcript</h1>
    <section aria-labelledby="active-heading"><h2 id="active-heading">Active certifications</h2>
      ${t.activeCertifications.length === 0 ? html`<p>None yet.</p>`
        : html`<ul class="holdings">${t.activeCertifications.map((h) => html`<${Holding} holding=${h} />`)}</ul>`}
    </section>
    <section aria-labelledby="history-heading"><h2 id="history-heading">History</h2>
      ${t.history.length === 0 ? html`<p>Nothing expired or revoked.</p>` : html`<ul>${t.history.map((h) => html`<li>
        ${h.certificationName || h.certificationId}: ${h.status.toLowerCase()} ${day(h.endedAt || h.expiresAt)}${h.endReason ? ` (${h.endReason})` : ''}</li>`)}</ul>`}
    </section>
    <section aria-labelledby="exams-heading"><h2 id="exams-heading">Exams</h2>
      <div class="table-scroll"><table><caption>Attempts</caption>
        <thead><tr><th scope="col">Exam</th><th scope="col">Taken</th><th scope="col">Score</th><th scope="col">Result</th></tr></thead>
        <tbody>${attempts.map((a) => html`<tr><td>${a.examCode}</td><td>${when(a.takenAt)}</td><td>${a.score ?? '—'}</td>
          <td>${a.status === 'WITHHELD' ? 'withheld (beta)' : a.passed ? 'passed' : 'failed'}</td></tr>`)}
          ${attempts.length === 0 && t.passedExams.map((p) => html`<tr><td>${p.examCode}</td><td>${when(p.takenAt)}</td><td>${p.score}</td><td>passed</td></tr>`)}
        </tbody></table></div>
    </section>
    <section aria-labelledby="assessments-heading"><h2 id="assessments-heading">Assessments</h2>
      ${t.passedAssessments.length === 0 ? html`<p>None passed.</p>`
        : html`<ul>${t.passedAssessments.map((a) => html`<li>${a.name || a.assessmentId}, passed ${day(a.passedAt)}</li>`)}</ul>`}
    </section>
  </div>`}<//>`;
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
  const [shared, setShared] = useState(null);
  return html`<${Loaded} state=${state}>${(t) => html`<div class="badges">
    <h1>My badges</h1>
    ${t.activeCertifications.length === 0 && html`<p>No active certification, so no badge yet.</p>`}
    <ul class="badge-list">${t.activeCertifications.map((h) => html`<${Badge} holding=${h} />`)}</ul>
    <section aria-labelledby="share-heading"><h2 id="share-heading">Share my whole transcript</h2>
      <${ActionButton} id="share-transcript" label="Create a share link"
        action=${() => post(path`/transcripts/${candidate}/share-codes`, {})} onDone=${setShared} />
      ${shared && html`<label for="shared-link">Share link</label>
        <input id="shared-link" readonly value=${`${location.origin}/api${path`/shared-transcripts/${shared.code}`}`} />`}
    </section>
  </div>`}<//>`;
}

export function Exams({ candidate }) {
  const exams = useLoad(() => get('/exams?size=100'), []);
  const [code, setCode] = useState('');
  const [eligibility, setEligibility] = useState(null);
  const [error, setError] = useState(null);
  const check = async (e) => {
    e.preventDefault();
    setError(null);
    setEligibility(null);
    try {
      setEligibility(await get(path`/exam-candidates/${candidate}/eligibility` + query({ examCode: code })));
    } catch (err) {
      setError(err);
    }
  };
  return html`<${Loaded} state=${exams}>${(list) => html`<div class="exams">
    <h1>Exams</h1>
    <form onSubmit=${check}>
      <label for="exam">Exam</label>
      <select id="exam" onChange=${(e) => setCode(e.target.value)} required>
        <option value="">Choose an exam</option>
        ${list.map((x) => html`<option value=${x.code} selected=${code === x.code}>${x.code} — ${x.title}${x.status && x.status !== 'ACTIVE' ? ` (${x.status.toLowerCase()})` : ''}</option>`)}
      </select>
      <button type="submit">Check eligibility</button>
    </form>
    <${Problem} error=${error} />
    ${eligibility && html`<div class=${eligibility.eligible ? 'eligible' : 'alert'} role="status" id="eligibility">
      <strong>${eligibility.eligible ? `You can book ${code} now.` : `Not yet: ${eligibility.reason}`}</strong>
      ${!eligibility.eligible && html`<div>Next eligible: ${eligibility.nextEligibleAt ? when(eligibility.nextEligibleAt) : 'not while your certification is active'}</div>`}
      <div>Attempts in the 12-month window: ${eligibility.attemptsInWindow}</div>
    </div>`}
    ${eligibility && eligibility.eligible && html`<${Book} candidate=${candidate} exam=${list.find((x) => x.code === code)} />`}
  </div>`}<//>`;
}

/** Books the exam once eligibility says yes; the booking is checked against the same rules (E2, E3). */
function Book({ candidate, exam }) {
  const soon = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 16);
  const [form, setForm] = useState({ provider: exam.providers[0], deliveryMode: exam.deliveryModes[0], at: soon });
  const [booked, setBooked] = useState(null);
  const [error, setError] = useState(null);
  const field = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const book = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      setBooked(await post('/exam-registrations', { candidateId: candidate, examCode: exam.code, provider: form.provider,
        deliveryMode: form.deliveryMode, scheduledAt: new Date(form.at).toISOString() }));
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="book" onSubmit=${book} aria-labelledby="book-heading">
    <h2 id="book-heading">Book ${exam.code}</h2>
    <label for="book-provider">Provider</label>
    <select id="book-provider" onChange=${field('provider')}>
      ${exam.providers.map((p) => html`<option value=${p} selected=${form.provider === p}>${p.replace('_', ' ')}</option>`)}</select>
    <label for="book-mode">Delivery</label>
    <select id="book-mode" onChange=${field('deliveryMode')}>
      ${exam.deliveryModes.map((m) => html`<option value=${m} selected=${form.deliveryMode === m}>${m.replace('_', ' ').toLowerCase()}</option>`)}</select>
    <label for="book-at">Appointment (your local time)</label>
    <input id="book-at" type="datetime-local" value=${form.at} onInput=${field('at')} required />
    <button type="submit">Book</button>
    <${Problem} error=${error} />
    ${booked && html`<p class="eligible" role="status">Booked: ${booked.status === 'AWAITING_SYSTEM_CHECK'
      ? 'the provider confirms it after your system check' : 'scheduled'} (registration ${booked.id}).</p>`}
  </form>`;
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
