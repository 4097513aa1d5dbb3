// Assessments (issue 21): renewal assessments and online assessments, taken one question at a time, then the score
// report. Keyboard only works: native radio buttons / checkboxes in a fieldset (arrow keys / Space), buttons (Enter),
// and focus moves to the question's heading on Previous / Next. Every id that goes into an API path is encoded.
import { html, useState, useEffect, useRef } from './preact.js';
import { api, get, getAll, post, path, query, ApiError } from './api.js';
import { useLoad, usePaged, Loaded, Problem, ActionButton, Pager, day, when } from './ui.js';

export const attemptHref = (id) => `#/me/attempt/${encodeURIComponent(id)}`;

/** Starts an attempt at startPath, or resumes the open one (409 /attempt-open names it); opens its page. */
export async function startOrResume(startPath) {
  let id;
  try {
    id = (await post(startPath, {})).id;
  } catch (error) {
    const open = error instanceof ApiError && error.status === 409 && error.problem.attemptId;
    if (!open) throw error;
    id = error.problem.attemptId;
  }
  location.hash = attemptHref(id);
}

/** The online assessments of the catalogue (C6), each with "Take", and the caller's own attempts. */
export function Assessments() {
  const state = useLoad(() => getAll('/assessments'), []);
  const mine = usePaged((page, size) => api(`/assessment-attempts${query({ page, size })}`), [], 20);
  return html`<${Loaded} state=${state}>${(catalogue) => html`<div class="assessments">
    <h1>Assessments</h1>
    <section aria-labelledby="catalogue-heading"><h2 id="catalogue-heading">Online assessments</h2>
      ${catalogue.length === 0 ? html`<p>None offered yet.</p>` : html`<ul class="holdings">${catalogue.map((a) => html`
        <li class="holding" data-assessment=${a.id}><strong>${a.name || a.id}</strong>
          <${ActionButton} id=${`take-${a.id}`} label="Take the assessment"
            action=${() => startOrResume(path`/assessments/${a.id}/attempts`)} /></li>`)}</ul>`}
    </section>
    <section aria-labelledby="mine-heading"><h2 id="mine-heading">My attempts</h2>
      <${Loaded} state=${mine}>${() => (mine.items.length === 0 ? html`<p>No attempt yet.</p>` : html`<ul>${mine.items.map((a) => html`<li>
        <a href=${attemptHref(a.id)}>${a.kind === 'RENEWAL' ? 'Renewal assessment' : a.assessmentId}, started ${when(a.startedAt)}</a>
        (${a.status === 'IN_PROGRESS' ? 'in progress' : a.status.toLowerCase()})</li>`)}</ul>
        <${Pager} ...${mine.pager} label="Attempt pages" />`)}<//>
    </section>
  </div>`}<//>`;
}

/** One attempt: the questions while it is in progress, the score report once scored. */
export function Attempt({ id }) {
  const [report, setReport] = useState(null);
  const state = useLoad(async () => {
    const attempt = await get(path`/assessment-attempts/${id}`);
    return attempt.status === 'SCORED' ? { attempt, report: await get(path`/assessment-attempts/${id}/report`) } : { attempt };
  }, [id]);
  return html`<${Loaded} state=${state}>${({ attempt, report: scored }) => (report || scored
    ? html`<${Report} attempt=${attempt} report=${report || scored} />`
    : attempt.status === 'EXTERNAL'
      ? html`<div class="attempt"><h1>${title(attempt)}</h1><p>This attempt is taken in ${attempt.deliveredBy}; it reports the result.</p></div>`
      : html`<${Questions} attempt=${attempt} onScored=${setReport} />`)}<//>`;
}

const title = (attempt) => (attempt.kind === 'RENEWAL' ? 'Renewal assessment' : `Assessment ${attempt.assessmentId}`);

/** Counts down to the deadline, once a second. */
function useTimeLeft(deadline) {
  const left = () => Math.max(0, new Date(deadline) - Date.now());
  const [ms, setMs] = useState(left());
  useEffect(() => {
    const timer = setInterval(() => setMs(left()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return ms;
}

function clock(ms) {
  const s = Math.ceil(ms / 1000);
  const two = (n) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

function Questions({ attempt, onScored }) {
  const questions = attempt.questions;
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState(() => Object.fromEntries(questions.map((q) => [q.number, q.answer || []])));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef(null);
  const left = useTimeLeft(attempt.deadline);
  useEffect(() => heading.current?.focus(), [index]); // opened, Previous, Next: the reader starts at the question

  const q = questions[index];
  const answered = questions.filter((x) => (answers[x.number] || []).length > 0).length;
  const choose = async (optionId, checked) => {
    const before = answers[q.number] || [];
    const now = q.kind === 'SINGLE' ? [optionId] : checked ? [...before, optionId] : before.filter((o) => o !== optionId);
    setAnswers({ ...answers, [q.number]: now });
    setError(null);
    try {
      await api(path`/assessment-attempts/${attempt.id}/answers/${q.number}`, { method: 'PUT', body: { optionIds: now } });
    } catch (err) {
      setError(err);
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const all = questions.map((x) => ({ number: x.number, optionIds: answers[x.number] || [] }));
      onScored(await post(path`/assessment-attempts/${attempt.id}/submission`, left > 0 ? { answers: all } : {}));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  // a fieldset of its own per question (key): inputs reused across questions would join the other question's radio
  // group on renaming and uncheck its answer
  const name = `question-${q.number}`;
  return html`<div class="attempt" data-attempt=${attempt.id}>
    <h1>${title(attempt)}</h1>
    ${attempt.warning && html`<div class="alert" role="alert" id="attempt-warning">${attempt.warning}</div>`}
    <div class="attempt-status">
      <div class="progress" role="progressbar" id="attempt-progress" aria-label="Questions answered"
        aria-valuemin="0" aria-valuemax=${questions.length} aria-valuenow=${answered}
        aria-valuetext=${`${answered} of ${questions.length} answered`}>
        <progress value=${answered} max=${questions.length} aria-hidden="true"></progress>
        <span class="figures">${answered} / ${questions.length} answered</span>
      </div>
      <div role="timer" id="time-left" class=${left < 300000 ? 'time-short' : ''}>
        ${left > 0 ? `${clock(left)} left` : 'Time is up: submit to see your score'} <span class="hint">(until ${when(attempt.deadline)})</span></div>
    </div>
    <h2 id="question-heading" tabindex="-1" ref=${heading}>Question ${index + 1} of ${questions.length}</h2>
    <fieldset class="question" key=${q.number} data-number=${q.number} aria-describedby="question-hint">
      <legend id="question-text">${q.text}</legend>
      <p class="hint" id="question-hint">${q.kind === 'SINGLE' ? 'Choose one answer.' : 'Choose every answer that applies.'}</p>
      ${q.options.map((o) => html`<label class="check option" key=${o.id}>
        <input type=${q.kind === 'SINGLE' ? 'radio' : 'checkbox'} name=${name} value=${o.id} disabled=${left <= 0}
          checked=${(answers[q.number] || []).includes(o.id)} onChange=${(e) => choose(o.id, e.target.checked)} />
        ${o.text}</label>`)}
    </fieldset>
    <div class="buttons attempt-nav">
      <button type="button" class="secondary" disabled=${index === 0} onClick=${() => setIndex(index - 1)}>Previous</button>
      <button type="button" class="secondary" disabled=${index + 1 >= questions.length} onClick=${() => setIndex(index + 1)}>Next</button>
      <button type="button" id="submit-attempt" disabled=${busy} onClick=${submit}>${busy ? 'Submitting…' : 'Submit'}</button>
    </div>
    <p class="hint">${questions.length - answered} unanswered; an unanswered question counts as wrong.</p>
    <div aria-live="polite"><${Problem} error=${error} /></div>
  </div>`;
}

const RATING = { STRONG: 'Strong', NEEDS_IMPROVEMENT: 'Needs improvement' };

/** The score report (Learn-style): overall against the pass mark, per skill area, the wrong answers, the new expiry. */
function Report({ attempt, report: r }) {
  const heading = useRef(null);
  useEffect(() => heading.current?.focus(), []);
  return html`<div class="attempt report-card" data-attempt=${attempt.id}>
    <h1 id="report-heading" tabindex="-1" ref=${heading}>${title(attempt)}: score report</h1>
    <p id="score" class=${r.passed ? 'eligible' : 'alert'} role="status">
      <strong>${r.passed ? 'Passed' : 'Not passed'}</strong> — you scored ${Number(r.percentage)} %; the pass mark is ${r.passMarkPercent} %.</p>
    ${attempt.kind === 'RENEWAL' && html`<p id="renewal-outcome">${r.renewed
      ? html`Renewed: your certification now expires ${day(r.expiresAt)}.`
      : r.passed ? 'Passed after the certification expired: nothing was renewed.' : 'Your certification was not renewed; you can try again.'}</p>`}
    <div class="table-scroll"><table class="skill-areas"><caption>Per skill area</caption>
      <thead><tr><th scope="col">Skill area</th><th scope="col">Correct</th><th scope="col">Result</th></tr></thead>
      <tbody>${r.skillAreas.map((a) => html`<tr data-skill-area=${a.skillArea}><th scope="row">${a.name || a.skillArea}</th>
        <td>${a.correct} of ${a.total} (${Number(a.percentage)} %)</td><td>${RATING[a.rating] || a.rating}</td></tr>`)}</tbody>
    </table></div>
    <p id="wrong-answers">${r.wrongAnswers.length === 0 ? 'Every answer was right.'
      : `Answered wrong: question${r.wrongAnswers.length > 1 ? 's' : ''} ${r.wrongAnswers.map((w) => w.number).join(', ')}.`}</p>
    <p><a href=${attempt.kind === 'RENEWAL' ? '#/me/transcript' : '#/me/assessments'}>Back to ${attempt.kind === 'RENEWAL' ? 'my transcript' : 'assessments'}</a></p>
  </div>`;
}
