// The certification catalogue for an employee (#27): filter by level, product (the exams' code family, e.g. AZ) and
// role (words of the name, e.g. "administrator"); for each certification the exams it needs and what I still need,
// set against my transcript (passed exams, active certifications).
import { html, useState } from './preact.js';
import { get, getAll, path } from './api.js';
import { useLoad, Loaded, Pager, day } from './ui.js';
import { examHref, words } from './exam-pages.js';

const LEVELS = ['FUNDAMENTALS', 'ASSOCIATE', 'EXPERT', 'SPECIALTY'];
const SIZE = 20;
/** The product family of an exam: its code up to the first dash ("AZ" of "AZ-104"). */
const product = (code) => code.split('-')[0];

/** What the candidate still needs for a certification: the exam groups not met yet and the prerequisites not held. */
export function stillNeeded(certification, passed, held) {
  const groups = certification.requiredExams.filter((group) => !group.some((code) => passed.has(code)));
  const prerequisites = (certification.prerequisites || []).filter((id) => !held.has(id));
  return { groups, prerequisites, done: groups.length === 0 && prerequisites.length === 0 };
}

export function Certifications({ candidate }) {
  const state = useLoad(async () => {
    const [catalogue, transcript] = await Promise.all([getAll('/certifications'), get(path`/transcripts/${candidate}`)]);
    return { catalogue, transcript };
  }, [candidate]);
  const [filter, setFilter] = useState({ level: '', product: '', role: '', open: false });
  const [page, setPage] = useState(0);
  const set = (name) => (e) => { setPage(0); setFilter({ ...filter, [name]: e.target.type === 'checkbox' ? e.target.checked : e.target.value }); };
  return html`<div class="certifications">
    <h1>Certifications</h1>
    <${Loaded} state=${state}>${({ catalogue, transcript }) => {
      const passed = new Set(transcript.passedExams.map((p) => p.examCode));
      const holdings = new Map(transcript.activeCertifications.map((h) => [h.certificationId, h]));
      const names = new Map(catalogue.map((c) => [c.id, c.name]));
      const products = [...new Set(catalogue.flatMap((c) => c.requiredExams.flat().map(product)))].sort();
      const role = filter.role.trim().toLowerCase();
      const shown = catalogue.filter((c) => (!filter.level || c.level === filter.level)
        && (!filter.product || c.requiredExams.flat().some((code) => product(code) === filter.product))
        && (!role || `${c.name} ${c.id}`.toLowerCase().includes(role))
        && (!filter.open || !holdings.has(c.id)));
      const visible = shown.slice(page * SIZE, (page + 1) * SIZE);
      return html`<form class="filters" role="search" aria-label="Filter the certifications" onSubmit=${(e) => e.preventDefault()}>
        <div><label for="cert-level">Level</label>
          <select id="cert-level" onChange=${set('level')}><option value="">Any level</option>
            ${LEVELS.map((l) => html`<option value=${l} selected=${filter.level === l}>${words(l)}</option>`)}</select></div>
        <div><label for="cert-product">Product (exam family)</label>
          <select id="cert-product" onChange=${set('product')}><option value="">Any product</option>
            ${products.map((p) => html`<option value=${p} selected=${filter.product === p}>${p}</option>`)}</select></div>
        <div><label for="cert-role">Role (words of the name)</label>
          <input id="cert-role" type="search" value=${filter.role} onInput=${set('role')} placeholder="e.g. administrator" /></div>
        <div><label class="check"><input type="checkbox" id="cert-open" checked=${filter.open} onChange=${set('open')} />
          Only those I do not hold</label></div>
      </form>
      <p role="status" id="cert-count">${shown.length} of ${catalogue.length} certification${catalogue.length === 1 ? '' : 's'}</p>
      <ul class="cert-list">${visible.map((c) => html`<${Certification} certification=${c} passed=${passed}
        holding=${holdings.get(c.id)} held=${holdings} names=${names} />`)}</ul>
      <${Pager} page=${page} size=${SIZE} total=${shown.length} onPage=${setPage} label="Certification pages" />`;
    }}<//>
  </div>`;
}

function Certification({ certification: c, passed, holding, held, names }) {
  const need = stillNeeded(c, passed, held);
  const headingId = `cert-${c.id}`;
  return html`<li class="certification" data-certification=${c.id}>
    <h2 id=${headingId}>${c.name}</h2>
    <div><span class="tag">${words(c.level)}</span>${c.status && c.status !== 'ACTIVE'
      ? html` <span class="tag">${words(c.status)}${c.retiresOn ? ` ${day(c.retiresOn)}` : ''}</span>` : ''}
      ${c.successor && html` <span class="hint">successor: ${names.get(c.successor) || c.successor}</span>`}</div>
    <h3 class="small">Exams it needs</h3>
    <ul class="exam-groups">${c.requiredExams.map((group) => html`<li>${group.length > 1 ? 'one of ' : ''}
      ${group.map((code, i) => html`${i > 0 ? ' / ' : ''}<a href=${examHref(code)}>${code}</a>${passed.has(code)
        ? html` <span class="passed">(passed ✓)</span>` : ''}`)}</li>`)}
      ${(c.prerequisites || []).map((id) => html`<li>and hold ${names.get(id) || id}${held.has(id) ? html` <span class="passed">(held ✓)</span>` : ''}</li>`)}
    </ul>
    <p class=${holding ? 'eligible' : need.done ? 'eligible' : 'still-needed'} data-still-needed>
      ${holding ? html`<strong>You hold it</strong>${holding.expiresAt ? ` until ${day(holding.expiresAt)}` : ''}.${' '}
        <a href="#/me/transcript">Transcript and renewal</a>`
      : need.done ? html`<strong>You meet every requirement</strong>: it is awarded as your results arrive.`
        : html`<strong>You still need:</strong> ${[...need.groups.map((g) => (g.length > 1 ? `one of ${g.join(' / ')}` : g[0])),
          ...need.prerequisites.map((id) => `to hold ${names.get(id) || id}`)].join('; ')}.`}
    </p>
  </li>`;
}
