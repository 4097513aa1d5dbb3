// Ops (issue 27): #/ops/catalogues/{kind} — exams, certifications with their requirements, assessments with their
// question banks, competencies with their requirement versions, solution areas with their score versions: each read
// page by page (X-Total-Count) and the create and edit forms the APIs have (retirements of exams and certifications). Every value goes to the API as typed; the API's
// problem (field by field) is shown under the form.
import { html, useState } from './preact.js';
import { api, get, post, path, query } from './api.js';
import { useLoad, Loaded, Problem, Pager } from './ui.js';

const KINDS = [['exams', 'Exams'], ['certifications', 'Certifications'], ['assessments', 'Assessments'],
  ['competencies', 'Competencies'], ['solution-areas', 'Solution areas']];
const SIZE = 25;
const list = (text) => String(text || '').split(',').map((s) => s.trim()).filter(Boolean);
const lines = (text) => String(text || '').split('\n').map((s) => s.trim()).filter(Boolean);

/**
 * A create form: fields [{ name, label, type: text|number|checkbox|textarea|select, options, hint, value }], body(values)
 * → the request body, send(body) → the created item; a "Created" line names it, the API's problem otherwise.
 */
function CreateForm({ id, title, fields, body, send, onDone, doneWord = 'Created' }) {
  const initial = Object.fromEntries(fields.map((f) => [f.name, f.value ?? (f.type === 'checkbox' ? false : '')]));
  const [values, setValues] = useState(initial);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const set = (name, value) => setValues({ ...values, [name]: value });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const created = await send(body(values));
      setDone(created);
      setValues(initial);
      onDone && onDone();
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="create" id=${id} onSubmit=${submit} aria-labelledby=${`${id}-heading`}>
    <h3 id=${`${id}-heading`}>${title}</h3>
    ${fields.map((f) => {
      const fid = `${id}-${f.name}`;
      const hint = f.hint && html`<span class="hint" id=${`${fid}-hint`}>${f.hint}</span>`;
      const described = f.hint ? `${fid}-hint` : undefined;
      if (f.type === 'checkbox') {
        return html`<label class="check" for=${fid}><input id=${fid} type="checkbox" checked=${values[f.name]}
          onChange=${(e) => set(f.name, e.target.checked)} /> ${f.label}</label>`;
      }
      if (f.type === 'select') {
        return html`<label for=${fid}>${f.label}</label><select id=${fid} onChange=${(e) => set(f.name, e.target.value)}>
          ${f.options.map((o) => html`<option value=${o} selected=${values[f.name] === o}>${o}</option>`)}</select>`;
      }
      if (f.type === 'textarea') {
        return html`<label for=${fid}>${f.label}</label>${hint}<textarea id=${fid} rows=${f.rows || 3} aria-describedby=${described}
          value=${values[f.name]} onInput=${(e) => set(f.name, e.target.value)} required=${f.required !== false}></textarea>`;
      }
      return html`<label for=${fid}>${f.label}</label>${hint}<input id=${fid} type=${f.type || 'text'} value=${values[f.name]}
        aria-describedby=${described} required=${f.required !== false} onInput=${(e) => set(f.name, e.target.value)} />`;
    })}
    <button type="submit">${title}</button>
    <div aria-live="polite">${done && html`<p class="created" role="status">${doneWord}: ${done.name || done.title || done.id || done.code || done.version}</p>`}</div>
    <${Problem} error=${error} />
  </form>`;
}

/** A paged list of `listPath`, each item rendered by row(item); reloads when `version` changes. */
function PagedList({ listPath, caption, head, row, version }) {
  const [page, setPage] = useState(0);
  const state = useLoad(() => api(listPath + (listPath.includes('?') ? '&' : '?') + query({ page, size: SIZE }).slice(1)), [listPath, page, version]);
  return html`<${Loaded} state=${state}>${({ data, total }) => html`<div class="table-scroll"><table>
    <caption>${caption} (${total})</caption><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${data.map(row)}</tbody></table></div>
    <${Pager} page=${page} size=${SIZE} total=${total} onPage=${setPage} label=${`Pages of ${caption.toLowerCase()}`} />`}<//>`;
}

function Exams() {
  const [version, setVersion] = useState(0);
  return html`<${PagedList} listPath="/exams" caption="Exams" version=${version}
      head=${['Code', 'Title', 'Passing score', 'Delivery', 'Skills measured', 'Status']}
      row=${(e) => html`<tr data-exam=${e.code}><th scope="row">${e.code}</th><td>${e.title}${e.beta ? ' (beta)' : ''}</td><td>${e.passingScore}</td>
        <td>${e.deliveryModes.join(', ')} · ${e.providers.join(', ')}</td>
        <td>${(e.skillsMeasured || []).map((s) => `${s.area} ${s.weightMin}–${s.weightMax} %`).join('; ') || '—'}</td>
        <td>${e.status}${e.retiresOn ? `, retires ${e.retiresOn}` : ''}</td></tr>`} />
    <${CreateForm} id="new-exam" title="Add an exam" onDone=${() => setVersion(version + 1)} send=${(b) => post('/exams', b)}
      fields=${[{ name: 'code', label: 'Code', hint: 'Upper case, e.g. AZ-104' }, { name: 'title', label: 'Title' },
        { name: 'passingScore', label: 'Passing score (1–1000)', type: 'number', value: '700' }, { name: 'beta', label: 'Beta exam', type: 'checkbox' },
        { name: 'testCenter', label: 'At a test centre', type: 'checkbox', value: true }, { name: 'online', label: 'Online proctored', type: 'checkbox' },
        { name: 'provider', label: 'Provider', type: 'select', options: ['PEARSON_VUE', 'PSI'], value: 'PEARSON_VUE' },
        { name: 'skills', label: 'Skills measured', type: 'textarea', required: false, hint: 'One a line: area; minimum %; maximum %' }]}
      body=${(v) => ({ code: v.code, title: v.title, passingScore: Number(v.passingScore), beta: v.beta,
        deliveryModes: [v.testCenter && 'TEST_CENTER', v.online && 'ONLINE_PROCTORED'].filter(Boolean), providers: [v.provider],
        skillsMeasured: lines(v.skills).map((l) => { const [area, min, max] = l.split(';').map((s) => s.trim()); return { area, weightMin: Number(min), weightMax: Number(max) }; }) })} />
    <${CreateForm} id="retire-exam" title="Announce an exam's retirement" doneWord="Retirement announced" onDone=${() => setVersion(version + 1)}
      send=${({ code, body }) => post(path`/exams/${code}/retirement`, body)}
      fields=${[{ name: 'code', label: 'Exam code' }, { name: 'retiresOn', label: 'Retires on', type: 'date', hint: 'Today or later; RETIRING until then' }]}
      body=${(v) => ({ code: v.code, body: { retiresOn: v.retiresOn } })} />`;
}

function Certifications() {
  const [version, setVersion] = useState(0);
  return html`<${PagedList} listPath="/certifications" caption="Certifications" version=${version}
      head=${['Certification', 'Level', 'Requirements (any one line)', 'Prerequisites', 'Status']}
      row=${(c) => html`<tr data-certification=${c.id}><th scope="row" title=${c.id}>${c.name}</th><td>${c.level}</td>
        <td><ul class="plain">${c.requiredExams.map((set) => html`<li>${set.join(' and ')}</li>`)}</ul></td>
        <td>${(c.prerequisites || []).join(', ') || '—'}</td><td>${c.status}${c.retiresOn ? `, retires ${c.retiresOn}` : ''}</td></tr>`} />
    <${CreateForm} id="new-certification" title="Add a certification" onDone=${() => setVersion(version + 1)} send=${(b) => post('/certifications', b)}
      fields=${[{ name: 'id', label: 'Id', hint: 'Lower case, e.g. azure-administrator-associate' }, { name: 'name', label: 'Name' },
        { name: 'level', label: 'Level', type: 'select', options: ['FUNDAMENTALS', 'ASSOCIATE', 'EXPERT', 'SPECIALTY'], value: 'ASSOCIATE' },
        { name: 'exams', label: 'Required exams', type: 'textarea', hint: 'One way to earn it a line, its exam codes separated by commas' },
        { name: 'prerequisites', label: 'Prerequisite certifications', required: false, hint: 'Ids separated by commas' }]}
      body=${(v) => ({ id: v.id, name: v.name, level: v.level, requiredExams: lines(v.exams).map(list), prerequisites: list(v.prerequisites) })} />
    <${CreateForm} id="retire-certification" title="Announce a certification's retirement" doneWord="Retirement announced" onDone=${() => setVersion(version + 1)}
      send=${({ id, body }) => post(path`/certifications/${id}/retirement`, body)}
      fields=${[{ name: 'id', label: 'Certification id' }, { name: 'retiresOn', label: 'Retires on', type: 'date' },
        { name: 'successor', label: 'Successor certification id', required: false }]}
      body=${(v) => ({ id: v.id, body: { retiresOn: v.retiresOn, successor: v.successor || undefined } })} />`;
}

function Questions({ assessment }) {
  const [version, setVersion] = useState(0);
  return html`<div class="questions">
    <${PagedList} listPath=${path`/assessments/${assessment}/questions`} caption=${`Question bank of ${assessment}`} version=${version}
      head=${['Skill area', 'Kind', 'Question', 'Options (✓ correct)', 'Active']}
      row=${(q) => html`<tr><td>${q.skillArea}</td><td>${q.kind}</td><td>${q.text}</td>
        <td>${q.options.map((o) => `${o.correct ? '✓ ' : ''}${o.text}`).join(' · ')}</td><td>${q.active ? 'yes' : 'retired'}</td></tr>`} />
    <${CreateForm} id=${`new-question-${assessment}`} title="Add a question" onDone=${() => setVersion(version + 1)}
      send=${(b) => post(path`/assessments/${assessment}/questions`, b)}
      fields=${[{ name: 'skillArea', label: 'Skill area id' }, { name: 'kind', label: 'Kind', type: 'select', options: ['SINGLE', 'MULTIPLE'], value: 'SINGLE' },
        { name: 'text', label: 'Question', type: 'textarea' },
        { name: 'options', label: 'Options', type: 'textarea', rows: 4, hint: 'One a line; start the correct ones with *' },
        { name: 'explanation', label: 'Explanation', type: 'textarea' }]}
      body=${(v) => ({ skillArea: v.skillArea, kind: v.kind, text: v.text, explanation: v.explanation,
        options: lines(v.options).map((l) => ({ text: l.replace(/^\*\s*/, ''), correct: l.startsWith('*') })) })} />
  </div>`;
}

function Assessments() {
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState(null);
  return html`<${PagedList} listPath="/assessments" caption="Assessments" version=${version} head=${['Assessment', 'Id', 'Question bank']}
      row=${(a) => html`<tr data-assessment=${a.id}><th scope="row">${a.name}</th><td>${a.id}</td>
        <td><button type="button" class="secondary" aria-expanded=${open === a.id ? 'true' : 'false'}
          onClick=${() => setOpen(open === a.id ? null : a.id)}>${open === a.id ? 'Hide' : 'Show'} the questions of ${a.name}</button></td></tr>`} />
    ${open && html`<${Questions} key=${open} assessment=${open} />`}
    <${CreateForm} id="new-assessment" title="Add an assessment" onDone=${() => setVersion(version + 1)} send=${(b) => post('/assessments', b)}
      fields=${[{ name: 'id', label: 'Id', hint: 'Lower case, e.g. cloud-adoption-framework' }, { name: 'name', label: 'Name' }]}
      body=${(v) => ({ id: v.id, name: v.name })} />`;
}

const VERSION_TEMPLATE = JSON.stringify({ version: '2027-05', effectiveFrom: '2027-05-01',
  silver: { paths: [{ requirements: [{ kind: 'SKILL', individuals: 2, anyOf: ['azure-administrator-associate'] }] }] },
  gold: { paths: [{ requirements: [{ kind: 'SKILL', individuals: 5, anyOf: ['azure-administrator-associate'] },
    { kind: 'PERFORMANCE', metric: 'REVENUE', threshold: 100000 }] }] } }, null, 1);

function Versions({ competency }) {
  const state = useLoad(() => get(path`/competencies/${competency}/requirement-versions`), [competency]);
  return html`<${Loaded} state=${state}>${(versions) => html`<ul class="plain">${versions.map((v) => html`<li>${v.version} from ${v.effectiveFrom}</li>`)}
    ${versions.length === 0 && html`<li>none</li>`}</ul>`}<//>`;
}

function Competencies() {
  const [version, setVersion] = useState(0);
  return html`<${PagedList} listPath="/competencies" caption="Competencies" version=${version} head=${['Competency', 'Id', 'Requirement versions']}
      row=${(c) => html`<tr data-competency=${c.id}><th scope="row">${c.name}</th><td>${c.id}</td><td><${Versions} competency=${c.id} /></td></tr>`} />
    <div class="forms">
      <${CreateForm} id="new-competency" title="Add a competency" onDone=${() => setVersion(version + 1)} send=${(b) => post('/competencies', b)}
        fields=${[{ name: 'id', label: 'Id', hint: 'Lower case, e.g. cloud-platform' }, { name: 'name', label: 'Name' }]}
        body=${(v) => ({ id: v.id, name: v.name })} />
      <${CreateForm} id="new-requirement-version" title="Add a requirement version" onDone=${() => setVersion(version + 1)}
        send=${({ competency, body }) => post(path`/competencies/${competency}/requirement-versions`, body)}
        fields=${[{ name: 'competency', label: 'Competency id' }, { name: 'json', label: 'The version (JSON)', type: 'textarea', rows: 12,
          value: VERSION_TEMPLATE, hint: 'Silver and Gold: paths, any one enough; a path\u2019s requirements all needed (SKILL or PERFORMANCE)' }]}
        body=${(v) => ({ competency: v.competency, body: JSON.parse(v.json) })} />
    </div>`;
}

function Areas() {
  const [version, setVersion] = useState(0);
  const state = useLoad(() => get('/solution-areas'), [version]);
  return html`<${Loaded} state=${state}>${(areas) => html`<div class="table-scroll"><table><caption>Solution areas (${areas.length})</caption>
      <thead><tr><th scope="col">Area</th><th scope="col">Replaces</th><th scope="col">In effect</th><th scope="col">Upcoming</th></tr></thead>
      <tbody>${areas.map((a) => html`<tr data-area=${a.id}><th scope="row" title=${a.id}>${a.name}</th><td>${(a.replaces || []).join(', ') || '—'}</td>
        <td>${a.inEffect ? `${a.inEffect.version} from ${a.inEffect.effectiveFrom} (${a.inEffect.metrics.length} metrics)` : 'none'}</td>
        <td>${(a.upcoming || []).map((v) => `${v.version} from ${v.effectiveFrom}`).join('; ') || 'none'}</td></tr>`)}</tbody></table></div>`}<//>
    <div class="forms">
      <${CreateForm} id="new-area" title="Add a solution area" onDone=${() => setVersion(version + 1)} send=${(b) => post('/solution-areas', b)}
        fields=${[{ name: 'id', label: 'Id' }, { name: 'name', label: 'Name' }, { name: 'replaces', label: 'Competencies it replaces', required: false, hint: 'Ids separated by commas' }]}
        body=${(v) => ({ id: v.id, name: v.name, replaces: list(v.replaces) })} />
      <${CreateForm} id="new-score-version" title="Publish a score version" onDone=${() => setVersion(version + 1)}
        send=${({ area, body }) => post(path`/solution-areas/${area}/score-versions`, body)}
        fields=${[{ name: 'area', label: 'Solution area id' }, { name: 'json', label: 'The version (JSON)', type: 'textarea', rows: 10,
          hint: 'version, effectiveFrom, metrics (max points add up to 100), tracks, certifications, specialisations: see the API console' }]}
        body=${(v) => ({ area: v.area, body: JSON.parse(v.json) })} />
    </div>`;
}

const PAGES = { exams: Exams, certifications: Certifications, assessments: Assessments, competencies: Competencies, 'solution-areas': Areas };

/** #/ops/catalogues/{kind}: a sub-navigation of the five catalogues, then the chosen one. */
export function Catalogues({ kind }) {
  const chosen = PAGES[kind] ? kind : 'exams';
  const Page = PAGES[chosen];
  return html`<div class="catalogues">
    <h1>Catalogues</h1>
    <nav aria-label="Catalogues"><ul class="subnav">${KINDS.map(([k, label]) => html`<li>
      <a href=${`#/ops/catalogues/${k}`} aria-current=${k === chosen ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>
    <section aria-labelledby="catalogue-heading"><h2 id="catalogue-heading">${KINDS.find(([k]) => k === chosen)[1]}</h2>
      <${Page} key=${chosen} /></section>
  </div>`;
}
