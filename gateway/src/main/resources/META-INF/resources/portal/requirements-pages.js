// #/org/{id}/requirements (issue 27): the requirements and roadmap per competency (GET /competencies/{id}/roadmap and
// /requirement-versions, with the organisation's have/need against the version in effect) and per designation
// (GET /solution-areas: the score requirement set in effect and the upcoming ones). Credentials by name, ids in tooltips.
import { html, useState } from './preact.js';
import { get, path } from './api.js';
import { useLoad, Loaded, Progress, orgHref } from './ui.js';
import { OrgHeading } from './org-pages.js';
import { getAll, certificationNamesOf, LEVEL_WORDS } from './admin-util.js';

const METRIC_WORDS = { REVENUE: 'revenue', ACTIVE_USAGE: 'active usage', DEPLOYED_SEATS: 'deployed seats', NEW_CUSTOMERS: 'new customers' };
const UNIT_WORDS = { PEOPLE: 'people', CUSTOMERS: 'customers', SEATS: 'seats', PERCENT: '%' };
const CATEGORY = { PERFORMANCE: 'Performance', SKILLING: 'Skilling', CUSTOMER_SUCCESS: 'Customer success' };

const idsOf = (version) => ['silver', 'gold'].flatMap((l) => (version?.[l]?.paths || [])
  .flatMap((p) => p.requirements.flatMap((r) => r.anyOf || [])));

function Credential({ id, names }) {
  return html`<span class="cred-name" title=${id}>${names[id] || id}</span>`;
}

function RequirementWords({ r, names }) {
  if (r.kind === 'PERFORMANCE') {
    return html`${METRIC_WORDS[r.metric] || r.metric} over the trailing 12 months at least ${Number(r.threshold).toLocaleString()}`;
  }
  return html`${r.individuals} ${r.individuals === 1 ? 'person' : 'different people'} each holding one of:${' '}
    ${r.anyOf.map((id, i) => html`${i ? ', ' : ''}<${Credential} id=${id} names=${names} />`)}`;
}

/** A version's Silver and Gold paths; with `progress` (the organisation's, for the version in effect) a have/need bar each. */
function VersionRequirements({ version, names, progress, idPrefix }) {
  return html`<div class="levels">${['silver', 'gold'].map((level) => {
    const paths = version[level]?.paths || [];
    return html`<section class="level-requirements" aria-labelledby=${`${idPrefix}-${level}`}>
      <h4 id=${`${idPrefix}-${level}`}>${LEVEL_WORDS[level.toUpperCase()]}: ${paths.length === 1 ? 'one path' : `any one of ${paths.length} paths`}</h4>
      <ol class="paths">${paths.map((p, i) => html`<li><span class="hint">Path ${i + 1}: all of</span>
        <ul>${p.requirements.map((r, j) => {
          const mine = progress && progress.filter((x) => x.level === level.toUpperCase() && x.path === i + 1)[j];
          return html`<li class=${mine ? (mine.met ? 'met' : 'unmet') : ''}><${RequirementWords} r=${r} names=${names} />
            ${mine && html`<${Progress} have=${mine.have} need=${mine.need}
              label=${`Your organisation: ${LEVEL_WORDS[level.toUpperCase()]} path ${i + 1}, requirement ${j + 1}`} />
              <span class="hint">${mine.met ? '✓ met' : '✕ not met yet'}</span>`}</li>`;
        })}</ul></li>`)}</ol>
    </section>`;
  })}</div>`;
}

function CompetencyRoadmap({ org, competency }) {
  const state = useLoad(async () => {
    const [roadmap, versions, status] = await Promise.all([get(path`/competencies/${competency.id}/roadmap`),
      get(path`/competencies/${competency.id}/requirement-versions`), get(path`/competency-status/${org}/${competency.id}`).catch(() => null)]);
    const names = await certificationNamesOf(versions.flatMap(idsOf));
    return { roadmap, versions, status, names };
  }, [org, competency.id]);
  return html`<${Loaded} state=${state}>${({ roadmap, versions, status, names }) => {
    const current = roadmap.inEffect;
    const upcoming = roadmap.upcoming || [];
    const past = versions.filter((v) => v.effectiveFrom < (current?.effectiveFrom || roadmap.today));
    const progress = status && current && status.requirementVersion === current.version ? status.requirements : null;
    return html`<div class="roadmap" data-competency=${competency.id}>
      <section aria-labelledby="in-effect-heading">
        <h3 id="in-effect-heading">${current ? `In effect: version ${current.version}, since ${current.effectiveFrom}` : 'No version in effect yet'}</h3>
        ${current && html`<${VersionRequirements} version=${current} names=${names} progress=${progress} idPrefix="now" />`}
        ${current && !progress && html`<p class="hint">Your organisation has no status against this version yet.</p>`}
      </section>
      <section aria-labelledby="roadmap-heading">
        <h3 id="roadmap-heading">Roadmap: ${upcoming.length ? `${upcoming.length} upcoming version${upcoming.length === 1 ? '' : 's'}` : 'no upcoming version'}</h3>
        <ol class="timeline">${upcoming.map((v) => html`<li data-version=${v.version}><time datetime=${v.effectiveFrom}>${v.effectiveFrom}</time>
          <div><strong>Version ${v.version}</strong> takes effect
            <${VersionRequirements} version=${v} names=${names} idPrefix=${`v-${v.version}`} /></div></li>`)}</ol>
      </section>
      ${past.length > 0 && html`<details><summary>Earlier versions (${past.length})</summary>
        <ul>${past.map((v) => html`<li>Version ${v.version}, from ${v.effectiveFrom}</li>`)}</ul></details>`}
    </div>`;
  }}<//>`;
}

function ScoreVersion({ version, names, heading, id }) {
  return html`<section class="score-version" aria-labelledby=${id}>
    <h4 id=${id}>${heading}</h4>
    <div class="table-scroll"><table>
      <caption>Metrics of version ${version.version} (the points add up to 100; it qualifies at 70 with no metric at zero)</caption>
      <thead><tr><th scope="col">Metric</th><th scope="col">Category</th><th scope="col">Threshold</th><th scope="col">Max points</th></tr></thead>
      <tbody>${version.metrics.map((m) => html`<tr><th scope="row">${m.name}${m.growth ? ' (growth over 12 months)' : ''}</th>
        <td>${CATEGORY[m.category] || m.category}</td><td>${Number(m.threshold)} ${UNIT_WORDS[m.unit] || ''}</td><td>${m.maxPoints}</td></tr>`)}</tbody>
    </table></div>
    ${(version.tracks || []).length > 0 && html`<p>Tracks: ${version.tracks.map((t) => t.name).join(', ')}.</p>`}
    <p>Certifications that count: ${(version.certifications || []).map((c, i) => html`${i ? ', ' : ''}<${Credential} id=${c} names=${names} />`)}</p>
    ${(version.specialisations || []).length > 0 && html`<p>Specialisations: ${version.specialisations.map((s) => `${s.name} (${s.people} ${s.people === 1 ? 'person' : 'people'})`).join('; ')}.</p>`}
  </section>`;
}

function Areas({ org }) {
  const state = useLoad(async () => {
    const areas = await get('/solution-areas');
    const names = await certificationNamesOf(areas.flatMap((a) => [a.inEffect, ...(a.upcoming || [])].filter(Boolean)
      .flatMap((v) => [...(v.certifications || []), ...(v.specialisations || []).flatMap((s) => s.certifications || [])])));
    return { areas, names };
  }, [org]);
  return html`<${Loaded} state=${state}>${({ areas, names }) => html`
    ${areas.length === 0 && html`<p>No solution area yet.</p>`}
    ${areas.map((a) => html`<article class="area" data-area=${a.id} aria-labelledby=${`area-${a.id}`}>
      <h3 id=${`area-${a.id}`}>${a.name}</h3>
      ${a.inEffect ? html`<${ScoreVersion} version=${a.inEffect} names=${names} id=${`area-${a.id}-now`}
        heading=${`In effect: version ${a.inEffect.version}, since ${a.inEffect.effectiveFrom}`} />` : html`<p>No version in effect yet.</p>`}
      ${(a.upcoming || []).map((v) => html`<${ScoreVersion} version=${v} names=${names} id=${`area-${a.id}-${v.version}`}
        heading=${`Upcoming: version ${v.version}, from ${v.effectiveFrom}`} />`)}
      ${(a.upcoming || []).length === 0 && html`<p class="hint">No upcoming version.</p>`}
    </article>`)}
    <p><a href=${orgHref(org, 'designations')}>Your score per metric is on the Designations page.</a></p>`}<//>`;
}

/** #/org/{id}/requirements: a competency picked from the catalogue, then every designation. */
export function Requirements({ org }) {
  const [chosen, setChosen] = useState('');
  const state = useLoad(async () => {
    const [organisation, catalogue, statuses] = await Promise.all([get(path`/organizations/${org}`), getAll('/competencies'),
      getAll(path`/competency-status/${org}`).catch(() => ({ items: [] }))]);
    const mine = new Set(statuses.items.map((s) => s.competencyId));
    // the organisation's competencies first, then the rest of the catalogue
    const competencies = [...catalogue.items].sort((a, b) => (mine.has(b.id) - mine.has(a.id)) || a.name.localeCompare(b.name));
    return { organisation, competencies, mine };
  }, [org]);
  return html`<${Loaded} state=${state}>${(d) => {
    const competency = d.competencies.find((c) => c.id === chosen) || d.competencies[0];
    return html`<div class="requirements-page">
      <${OrgHeading} organisation=${d.organisation} page="Requirements and roadmap" />
      <section aria-labelledby="competency-requirements-heading">
        <h2 id="competency-requirements-heading">Competencies (Silver and Gold)</h2>
        ${competency ? html`<label for="requirements-competency">Competency</label>
          <select id="requirements-competency" onChange=${(e) => setChosen(e.target.value)}>
            ${d.competencies.map((c) => html`<option value=${c.id} selected=${c === competency}>${c.name}${d.mine.has(c.id) ? ' (yours)' : ''}</option>`)}
          </select>
          <${CompetencyRoadmap} key=${competency.id} org=${org} competency=${competency} />` : html`<p>The catalogue is empty.</p>`}
      </section>
      <section aria-labelledby="area-requirements-heading">
        <h2 id="area-requirements-heading">Designations (solution areas)</h2>
        <${Areas} org=${org} />
      </section>
    </div>`;
  }}<//>`;
}
