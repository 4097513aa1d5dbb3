// Issue 27: reasons, requirements and the forecast from the status API's structured data, never from its sentences:
// credentials and people by name, their ids in a tooltip (title). The status API names credentials; people's names
// come from the organisation's people list (partner-admins and ops may read it; anyone else sees candidate ids).
import { html } from './preact.js';

const title = (level) => (level ? level.charAt(0) + level.slice(1).toLowerCase() : '');

/** A name with its id in the tooltip; the id alone when no name is known. */
export const Named = ({ id, name }) => html`<span class="named" title=${id}>${name || id}</span>`;

/** A list in words: "a, b or c". */
function joined(items, last = 'or') {
  return items.map((item, i) => html`${i === 0 ? '' : i === items.length - 1 ? ` ${last} ` : ', '}${item}`);
}

const people = (ids, who) => joined(ids.map((id) => html`<${Named} id=${id} name=${who(id) !== id ? who(id) : null} />`), 'and');
const credentials = (list) => joined((list || []).map((c) => html`<${Named} id=${c.id} name=${c.name} />`));

/** What a requirement asks, in words, with its credentials named (a performance requirement's description has no id). */
export function RequirementLabel({ requirement }) {
  if (requirement.kind !== 'SKILL' || !(requirement.credentials || []).length) return html`${requirement.description}`;
  const need = Number(requirement.need);
  return html`${need} ${need === 1 ? 'individual' : 'individuals'} holding one of ${credentials(requirement.credentials)}`;
}

/** The same in plain text (an accessible name), credentials by name. */
export function requirementText(requirement) {
  if (requirement.kind !== 'SKILL' || !(requirement.credentials || []).length) return requirement.description;
  const need = Number(requirement.need);
  return `${need} ${need === 1 ? 'individual' : 'individuals'} holding one of ${requirement.credentials.map((c) => c.name || c.id).join(', ')}`;
}

/** The requirement of the status a reason is about (same level, path and description). */
const requirementOf = (status, reason) => (status?.requirements || []).find((r) => r.level === reason.level
  && r.path === reason.path && r.description === reason.requirement);

/** One reason from its data; its sentence only when it carries no data (stored before issue 27). */
export function ReasonText({ reason, status, who, counted = 'counted' }) {
  const requirement = requirementOf(status, reason);
  const asked = requirement ? html`<${RequirementLabel} requirement=${requirement} />`
    : reason.credentials.length ? html`people holding one of ${credentials(reason.credentials)}` : reason.requirement;
  if (reason.kind === 'REQUIREMENT_NOT_MET' && reason.level) {
    return html`${title(reason.level)} requirement not met (path ${reason.path}): ${asked}${requirement
      ? ` — ${requirement.have} of ${requirement.need}` : ''}${reason.people.length ? html`; ${counted}: ${people(reason.people, who)}`
      : '; nobody counts'}`;
  }
  if (reason.kind === 'CREDENTIAL_EXPIRES') {
    return html`${people(reason.people, who)}'s ${credentials(reason.credentials)} expires on ${reason.on}, before valid-until,
      and no one else can replace it (${asked})`;
  }
  return html`${reason.text}`;
}

export function Reasons({ status, reasons, who }) {
  return html`<ul class="reasons">${(reasons || []).map((r) => html`<li><${ReasonText} reason=${r} status=${status} who=${who} /></li>`)}</ul>`;
}

/** Membership's alerts (a sentence per competency) with the competency's reasons from its status, and risks it has not seen yet. */
export function Alerts({ statuses, membership, names, who }) {
  const risks = statuses.filter((s) => s.atRisk);
  const alerts = membership.alerts || [];
  if (!risks.length && !alerts.length) return html`<p class="all-clear" id="alerts">No alerts: nothing is at risk.</p>`;
  const statusOf = (id) => statuses.find((s) => s.competencyId === id);
  return html`<section id="alerts" aria-labelledby="alerts-heading">
    <h2 id="alerts-heading">Alerts</h2>
    ${alerts.map((a) => {
      const status = statusOf(a.competencyId);
      return html`<div class="alert" role="status">
        <strong>A recent change to your competency achievement has put your membership renewal eligibility at risk:${' '}
          ${names[a.competencyId] || a.competencyId} (${title(a.level)})</strong>
        ${status?.atRisk && status.reasonDetails?.length ? html`<${Reasons} status=${status} reasons=${status.reasonDetails} who=${who} />`
          : html`<ul>${a.reasons.map((r) => html`<li>${r}</li>`)}</ul>`}</div>`;
    })}
    ${risks.filter((s) => !alerts.some((a) => a.competencyId === s.competencyId)).map((s) => html`<div class="alert" role="status">
      <strong>${names[s.competencyId] || s.competencyId} ${title(s.level)} is at risk</strong>
      <${Reasons} status=${s} reasons=${s.reasonDetails} who=${who} /></div>`)}
  </section>`;
}

/** What keeps the level through a forecast loss, from the entry's data. */
function keeps(f, who) {
  if (f.cause !== 'holding expiry') return html`the requirements of version ${f.requirementVersion} are met by ${f.on}`;
  const more = `${f.morePeople} more ${f.morePeople === 1 ? 'person certifies' : 'people certify'}`;
  if (!f.candidates.length) return html`${more} before ${f.on}`;
  return html`${joined(f.candidates.map((c) => html`<${Named} id=${c} name=${who(c) !== c ? who(c) : null} />`))}${' '}
    ${f.candidates.length === 1 ? 'renews' : 'renew'} before ${f.on}, or ${more}`;
}

/** K7: every dated loss in the horizon, then per level who must renew to keep it through the whole of it. */
export function Forecast({ forecast, names, who }) {
  const levels = [...new Map(forecast.map((f) => [`${f.competencyId}|${f.level}`, f])).values()];
  return html`<section aria-labelledby="forecast-heading">
    <h2 id="forecast-heading">Forecast: the next 12 months</h2>
    ${forecast.length === 0 ? html`<p>No upcoming expiry or requirement version costs a level.</p>` : html`<ol class="timeline">
      ${[...forecast].sort((a, b) => a.on.localeCompare(b.on)).map((f) => html`<li>
        <time datetime=${f.on}>${f.on}</time>
        <div><strong>${names[f.competencyId] || f.competencyId} ${title(f.level)}</strong> — ${f.cause}.${' '}
          ${f.candidates.length > 0 ? html`Stop counting: ${people(f.candidates, who)}.` : ''}
          <br /><span class="hint">Keeps the level if ${keeps(f, who)}.</span>
          ${(f.reasonDetails || []).map((r) => html`<br /><span class="hint">That day: <${ReasonText} reason=${r} who=${who}
            counted="stop counting" /></span>`)}</div>
      </li>`)}</ol>
      <ul class="must-renew">${levels.map((f) => html`<li>To keep ${names[f.competencyId] || f.competencyId} ${title(f.level)}${' '}
        through the next 12 months, must renew: ${(f.mustRenew || []).length ? people(f.mustRenew, who) : 'nobody (no renewal keeps it)'}.</li>`)}</ul>`}
  </section>`;
}

/** Every credential the statuses' requirements list, by id, with its name (for pickers). */
export function credentialsOf(statuses) {
  const all = new Map();
  statuses.forEach((s) => s.requirements.forEach((r) => (r.credentials || []).forEach((c) => all.set(c.id, c.name))));
  return [...all].map(([id, name]) => ({ id, name }));
}
