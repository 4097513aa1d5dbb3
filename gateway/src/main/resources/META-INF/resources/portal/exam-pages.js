// Employee exam pages (#27): the catalogue (paged), one exam with what it measures, the eligibility check (E7) and the
// booking (E2/E3; an Exam Replay voucher may pay for it, E4). My registrations and vouchers: booking-pages.js.
import { html, useState } from './preact.js';
import { api, get, post, path, query } from './api.js';
import { useLoad, usePaged, Loaded, Problem, Pager, day, when, localInput } from './ui.js';

export const examHref = (code, voucher) => `#/me/exams/${encodeURIComponent(code)}${voucher ? `/${encodeURIComponent(voucher)}` : ''}`;
export const words = (value) => String(value || '').replace(/_/g, ' ').toLowerCase();

/** The exam's state in words: active, beta (scores held until release), retiring on a date, retired. */
function examState(exam) {
  const parts = [words(exam.status || 'ACTIVE')];
  if (exam.beta) parts.push(`beta${exam.scoreReleaseAt ? `, scores released ${day(exam.scoreReleaseAt)}` : ''}`);
  if (exam.retiresOn) parts.push(`retires ${day(exam.retiresOn)}`);
  return parts.join(' · ');
}

export function Exams() {
  const list = usePaged((page, size) => api(`/exams${query({ page, size })}`), [], 20);
  return html`<div class="exams">
    <h1>Exams</h1>
    <p class="hint">Open an exam to read what it measures, check whether you may take it and book it.${' '}
      <a href="#/me/registrations">My registrations</a> · <a href="#/me/vouchers">My vouchers</a></p>
    <${Loaded} state=${list}>${() => html`<div class="table-scroll"><table class="exam-catalogue">
      <caption>Exam catalogue: ${list.pager.total} exam${list.pager.total === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">Exam</th><th scope="col">Title</th><th scope="col">Passing score</th>
        <th scope="col">State</th></tr></thead>
      <tbody>${list.items.map((x) => html`<tr data-exam=${x.code}>
        <td><a href=${examHref(x.code)}>${x.code}</a></td><td>${x.title}</td><td>${x.passingScore}</td>
        <td>${examState(x)}</td></tr>`)}</tbody></table></div>
      <${Pager} ...${list.pager} label="Exam catalogue pages" />`}<//>
  </div>`;
}

/** One exam: details, eligibility now, and the booking form (with a voucher of mine for it, when I have one). */
export function ExamDetails({ candidate, code, voucher }) {
  const state = useLoad(async () => {
    const [exam, eligibility, vouchers] = await Promise.all([get(path`/exams/${code}`),
      get(path`/exam-candidates/${candidate}/eligibility` + query({ examCode: code })).catch((error) => ({ error })),
      get(path`/exam-candidates/${candidate}/vouchers`).catch(() => [])]);
    return { exam, eligibility, vouchers: vouchers.filter((v) => v.examCode === code && v.status === 'AVAILABLE') };
  }, [candidate, code]);
  return html`<${Loaded} state=${state}>${({ exam, eligibility, vouchers }) => html`<div class="exam-details">
    <p><a href="#/me/exams">All exams</a></p>
    <h1>${exam.code}: ${exam.title}</h1>
    <dl class="facts">
      <dt>Passing score</dt><dd id="passing-score">${exam.passingScore} (of 1000)</dd>
      <dt>State</dt><dd id="exam-state">${examState(exam)}</dd>
      ${exam.beta && html`<dt>Beta</dt><dd id="beta">A beta exam: your score is withheld until the exam goes live
        ${exam.liveOn ? ` (${day(exam.liveOn)})` : ''}; then it counts like any other.</dd>`}
      <dt>Delivery</dt><dd>${exam.deliveryModes.map(words).join(', ')} · ${exam.providers.map(words).join(', ')}</dd>
    </dl>
    <section aria-labelledby="skills-heading"><h2 id="skills-heading">Skills measured</h2>
      ${exam.skillsMeasured.length === 0 ? html`<p>Not published.</p>` : html`<ul class="skills">
        ${exam.skillsMeasured.map((s) => html`<li>${s.area} <span class="figures">${s.weightMin}–${s.weightMax} %</span></li>`)}</ul>`}
    </section>
    <section aria-labelledby="eligibility-heading"><h2 id="eligibility-heading">Can I take it?</h2>
      <${Eligibility} eligibility=${eligibility} code=${exam.code} />
    </section>
    <${Book} candidate=${candidate} exam=${exam} vouchers=${vouchers} voucher=${voucher} onBooked=${state.reload} />
  </div>`}<//>`;
}

const REASONS = {
  FIRST_FAILURE_WAIT: 'after a failed attempt you wait 24 hours',
  REPEATED_FAILURE_WAIT: 'after repeated failed attempts you wait 14 days between attempts',
  ATTEMPT_LIMIT_REACHED: 'you used the 5 attempts allowed in 12 months',
  CERTIFICATION_ACTIVE: 'you hold an active certification this exam leads to',
};

function Eligibility({ eligibility, code }) {
  if (eligibility.error) return html`<${Problem} error=${eligibility.error} />`;
  return html`<div class=${eligibility.eligible ? 'eligible' : 'alert'} role="status" id="eligibility">
    <strong>${eligibility.eligible ? `You can book ${code} now.` : `Not yet: ${REASONS[eligibility.reason] || words(eligibility.reason)}.`}</strong>
    ${!eligibility.eligible && html`<div>Next eligible: ${eligibility.nextEligibleAt ? when(eligibility.nextEligibleAt)
      : 'not while your certification is active'}</div>`}
    <div>Attempts in the 12-month window: ${eligibility.attemptsInWindow}</div>
  </div>`;
}

/** Books the exam; the service checks the same rules at the appointment time (E2, E3) and the voucher (E4). */
function Book({ candidate, exam, vouchers, voucher, onBooked }) {
  const soon = localInput(new Date(Date.now() + 7 * 86400000));
  const chosen = vouchers.some((v) => v.id === voucher) ? voucher : '';
  const [form, setForm] = useState({ provider: exam.providers[0], deliveryMode: exam.deliveryModes[0], at: soon, voucherId: chosen });
  const [booked, setBooked] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const field = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const book = async (e) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setBooked(await post('/exam-registrations', { candidateId: candidate, examCode: exam.code, provider: form.provider,
        deliveryMode: form.deliveryMode, scheduledAt: new Date(form.at).toISOString(), voucherId: form.voucherId || undefined }));
      onBooked && onBooked();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (exam.status === 'RETIRED') return html`<p class="hint">A retired exam cannot be booked.</p>`;
  return html`<form class="book" onSubmit=${book} aria-labelledby="book-heading">
    <h2 id="book-heading">Book ${exam.code}</h2>
    <label for="book-provider">Provider</label>
    <select id="book-provider" onChange=${field('provider')}>
      ${exam.providers.map((p) => html`<option value=${p} selected=${form.provider === p}>${words(p)}</option>`)}</select>
    <label for="book-mode">Delivery</label>
    <select id="book-mode" onChange=${field('deliveryMode')}>
      ${exam.deliveryModes.map((m) => html`<option value=${m} selected=${form.deliveryMode === m}>${words(m)}</option>`)}</select>
    <label for="book-at">Appointment (your local time)</label>
    <input id="book-at" type="datetime-local" value=${form.at} onInput=${field('at')} required />
    <label for="book-voucher">Pay with</label>
    <select id="book-voucher" onChange=${field('voucherId')} aria-describedby="book-voucher-hint">
      <option value="" selected=${!form.voucherId}>No voucher</option>
      ${vouchers.map((v) => html`<option value=${v.id} selected=${form.voucherId === v.id}>Exam Replay voucher, valid to ${day(v.expiresOn)}</option>`)}
    </select>
    <p class="hint" id="book-voucher-hint">${vouchers.length ? `${vouchers.length} voucher${vouchers.length === 1 ? '' : 's'} of yours for ${exam.code}: one retake, the waits still apply.`
      : 'You have no voucher for this exam.'}</p>
    <button type="submit" disabled=${busy}>${busy ? 'Booking…' : 'Book'}</button>
    <${Problem} error=${error} />
    ${booked && html`<p class="eligible" role="status" id="booked">Booked for ${when(booked.scheduledAt)}: ${booked.status === 'AWAITING_SYSTEM_CHECK'
      ? 'the provider confirms it after your system check' : 'scheduled'}${booked.voucherId ? ', paid with your voucher' : ''}.${' '}
      <a href="#/me/registrations">My registrations</a></p>`}
  </form>`;
}
