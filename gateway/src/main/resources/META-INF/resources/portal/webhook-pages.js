// Partner-admin page (ops too) for the organisation's webhooks: register an endpoint (its signing secret shown once),
// send a test event, rotate the secret, enable/remove, and read the delivery log with redeliver. Every id that goes
// into an API path is encoded (path`...` in api.js).
import { html, useState } from './preact.js';
import { api, get, getAll, post, path, query } from './api.js';
import { useLoad, Loaded, Problem, ActionButton, Pager, when } from './ui.js';
import { OrgHeading } from './org-pages.js';

const EVENT_TYPES = [
  ['io.partnerhub.competency.attained.v1', 'Competency attained'],
  ['io.partnerhub.competency.renewed.v1', 'Competency renewed'],
  ['io.partnerhub.competency.at-risk.v1', 'Competency at risk'],
  ['io.partnerhub.competency.risk-cleared.v1', 'Competency risk cleared'],
  ['io.partnerhub.competency.lapsed.v1', 'Competency lapsed'],
  ['io.partnerhub.designation.attained.v1', 'Designation attained'],
  ['io.partnerhub.designation.at-risk.v1', 'Designation at risk'],
  ['io.partnerhub.designation.lost.v1', 'Designation lost'],
  ['io.partnerhub.employee.joined.v1', 'Person joined'],
  ['io.partnerhub.employee.left.v1', 'Person left'],
  ['io.partnerhub.performance.reported.v1', 'Performance figure reported'],
];
const TEST_TYPE = 'io.partnerhub.webhook.test.v1';
const typeName = (type) => (type === TEST_TYPE ? 'Test event' : (EVENT_TYPES.find(([t]) => t === type) || [type, type])[1]);

/** A signing secret, shown once (after create or rotate): copy it into the receiving system now. */
function SecretOnce({ secret, label, onDone }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    const input = document.getElementById('webhook-secret');
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      input.select();
      document.execCommand('copy');
    }
    setCopied('Copied.');
  };
  return html`<div class="code-once" role="status" id="webhook-secret-once">
    <label for="webhook-secret">${label} — shown only now: store it in the receiving system</label>
    <div class="share"><input id="webhook-secret" readonly value=${secret} onFocus=${(e) => e.target.select()} />
      <button type="button" onClick=${copy}>Copy</button></div>
    <p class="hint">Verify each delivery's <code>webhook-signature</code> with it (Standard Webhooks: HMAC-SHA256 of
      <code>webhook-id.webhook-timestamp.body</code>). PartnerHub never shows it again: lost, rotate it.</p>
    <span aria-live="polite">${copied}</span>
    <button type="button" class="secondary" onClick=${onDone}>Done</button>
  </div>`;
}

function AddWebhook({ org, onDone }) {
  const empty = { url: 'https://', description: '', types: [] };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState(null);
  const [secret, setSecret] = useState(null);
  const toggle = (type) => setForm({ ...form, types: form.types.includes(type) ? form.types.filter((t) => t !== type) : [...form.types, type] });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await post(path`/organizations/${org}/webhooks`,
        { url: form.url.trim(), description: form.description, eventTypes: form.types });
      setSecret(created.secret);
      setForm(empty);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="add-webhook" onSubmit=${submit} aria-labelledby="add-webhook-heading">
    <h2 id="add-webhook-heading">Add a webhook</h2>
    <label for="w-url">URL (https, reachable from the internet)</label>
    <input id="w-url" type="url" value=${form.url} onInput=${(e) => setForm({ ...form, url: e.target.value })} required />
    <label for="w-description">Description</label>
    <input id="w-description" value=${form.description} maxlength="500" onInput=${(e) => setForm({ ...form, description: e.target.value })} />
    <fieldset><legend>Events (none ticked: all of them)</legend>
      ${EVENT_TYPES.map(([type, name], i) => html`<label class="check"><input type="checkbox" id=${`w-type-${i}`}
        checked=${form.types.includes(type)} onChange=${() => toggle(type)} />${name}</label>`)}
    </fieldset>
    <button type="submit">Add webhook</button>
    <${Problem} error=${error} />
    ${secret && html`<${SecretOnce} secret=${secret} label="Signing secret" onDone=${() => setSecret(null)} />`}
  </form>`;
}

/** One endpoint's delivery log, newest first, with Redeliver for finished deliveries. */
function Deliveries({ org, webhook }) {
  const [page, setPage] = useState(0);
  const [version, setVersion] = useState(0);
  const size = 20;
  const state = useLoad(async () => {
    const { data, total } = await api(path`/organizations/${org}/webhooks/${webhook.id}/deliveries` + query({ page, size }));
    return { deliveries: data, total };
  }, [org, webhook.id, page, version]);
  return html`<section class="deliveries" aria-labelledby="deliveries-heading">
    <h2 id="deliveries-heading">Deliveries to ${webhook.url}</h2>
    <button type="button" class="secondary" onClick=${() => setVersion((v) => v + 1)}>Refresh</button>
    <${Loaded} state=${state}>${({ deliveries, total }) => html`<div class="table-scroll"><table>
      <caption>${total} deliver${total === 1 ? 'y' : 'ies'}, newest first</caption>
      <thead><tr><th scope="col">Queued</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th>
        <th scope="col">Last answer</th><th scope="col">Next try</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${deliveries.map((d) => html`<tr data-delivery=${d.id} data-status=${d.status}>
        <td>${when(d.createdAt)}</td>
        <th scope="row">${typeName(d.eventType)}${d.kind === 'REDELIVERY' ? ' (redelivery)' : ''}
          <br /><span class="hint">${d.webhookId}</span></th>
        <td class="status">${d.status.toLowerCase()}</td><td>${d.attempts}</td>
        <td>${d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : d.lastError || '—'}</td>
        <td>${d.status === 'PENDING' ? when(d.nextAttemptAt) : '—'}</td>
        <td>${d.status !== 'PENDING' && html`<${ActionButton} id=${`redeliver-${d.id}`} label="Redeliver"
          action=${() => post(path`/organizations/${org}/webhooks/${webhook.id}/deliveries/${String(d.id)}/redelivery`)}
          onDone=${() => setVersion((v) => v + 1)} />`}</td>
      </tr>`)}</tbody>
    </table></div>
    <${Pager} page=${page} size=${size} total=${total} onPage=${setPage} label="Delivery pages" />`}<//>
  </section>`;
}

export function Webhooks({ org }) {
  const [selected, setSelected] = useState(null);
  const [shown, setShown] = useState(0);
  const [secret, setSecret] = useState(null);
  const show = (w) => { setSelected(w); setShown((n) => n + 1); };
  const state = useLoad(async () => {
    const [organisation, webhooks] = await Promise.all([
      get(path`/organizations/${org}`), getAll(path`/organizations/${org}/webhooks`),
    ]);
    return { organisation, webhooks };
  }, [org]);
  const rotate = async (w) => {
    if (!window.confirm(`Rotate the secret of ${w.url}? The old one keeps signing for 24 hours.`)) return null;
    const rotated = await post(path`/organizations/${org}/webhooks/${w.id}/secret-rotations`, { overlap: 'PT24H' });
    setSecret(rotated.secret);
    return rotated;
  };
  const setEnabled = (w, enabled) => api(path`/organizations/${org}/webhooks/${w.id}`, {
    method: 'PUT', body: { url: w.url, description: w.description, eventTypes: w.eventTypes, enabled } });
  const remove = (w) => window.confirm(`Remove the webhook ${w.url} and its delivery log?`)
    && api(path`/organizations/${org}/webhooks/${w.id}`, { method: 'DELETE' });
  return html`<${Loaded} state=${state}>${({ organisation, webhooks }) => html`<div class="webhooks">
    <${OrgHeading} organisation=${organisation} page="Webhooks" />
    <p class="hint">Other systems (a CRM, an LMS) receive this organisation's changes as signed${' '}
      <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: the body is the CloudEvent, retried for 24 hours
      when the endpoint fails; an endpoint that keeps failing is disabled and you are told.</p>
    ${secret && html`<${SecretOnce} secret=${secret} label="New signing secret" onDone=${() => setSecret(null)} />`}
    <div class="table-scroll"><table>
      <caption>${webhooks.length} webhook${webhooks.length === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Status</th><th scope="col">Last success</th>
        <th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${webhooks.map((w) => html`<tr data-webhook=${w.id}>
        <th scope="row">${w.url}${w.description ? html`<br /><span class="hint">${w.description}</span>` : ''}</th>
        <td>${w.eventTypes.length ? w.eventTypes.map((t) => html`<div>${typeName(t)}</div>`) : 'all'}</td>
        <td class="status">${w.status.toLowerCase()}${w.disabledReason ? html`<br /><span class="hint">${w.disabledReason}</span>` : ''}</td>
        <td>${when(w.lastSuccessAt)}</td>
        <td class="actions">
          <button type="button" aria-pressed=${selected && selected.id === w.id} onClick=${() => show(w)}>Deliveries</button>
          ${w.status === 'ACTIVE' ? html`<${ActionButton} id=${`test-${w.id}`} label="Send test"
              action=${() => post(path`/organizations/${org}/webhooks/${w.id}/test-deliveries`)} onDone=${() => show(w)}
              hint="Queued: see Deliveries" />`
            : html`<${ActionButton} id=${`enable-${w.id}`} label="Enable" action=${() => setEnabled(w, true)} onDone=${state.reload} />`}
          <${ActionButton} id=${`rotate-${w.id}`} label="Rotate secret" action=${() => rotate(w)} onDone=${state.reload} />
          <${ActionButton} id=${`remove-${w.id}`} label="Remove" action=${() => remove(w)}
            onDone=${() => { setSelected(null); state.reload(); }} />
        </td>
      </tr>`)}</tbody>
    </table></div>
    ${selected && html`<${Deliveries} key=${`${selected.id}-${shown}`} org=${org} webhook=${selected} />`}
    <${AddWebhook} org=${org} onDone=${state.reload} />
  </div>`}<//>`;
}
