// Ops (issue 27): #/ops/dead-letters — what the services' consumers dead-lettered and what their outbox relays gave up
// on, from the gateway's fan-outs (GET /api/admin/dead-letters, /api/admin/outbox/failed: each service's status, total
// and page), with redrive (one, or all of a service), release and skip; #/ops/clock — the local demo's clock
// (GET/PUT /api/admin/clock, every service at once).
import { html, useState } from './preact.js';
import { api, post, path, query } from './api.js';
import { useLoad, Loaded, Problem, ActionButton, Pager, when } from './ui.js';

const SERVICES = ['exam', 'certification', 'competency', 'membership'];
const SIZE = 20;
const keyOf = (service) => service.replace(/-service$/, '');
const shortName = (className) => String(className || '').split('.').pop();

/** One service's part of a fan-out answer: its status in words, then its rows (or why there are none). */
function ServicePart({ part, caption, head, row, after }) {
  if (part.status !== 200) {
    return html`<p class="problem" role="status" data-service=${part.service}><strong>${part.service}</strong> did not answer
      (${part.status}): ${typeof part.items === 'string' ? part.items : 'try again'}</p>`;
  }
  return html`<div class="service-part" data-service=${part.service}>
    <h3>${part.service}: ${part.total} ${part.total === 1 ? caption[0] : caption[1]}</h3>
    ${part.items.length > 0 && html`<div class="table-scroll"><table>
      <caption>${caption[1]} of ${part.service}</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${part.items.map((item) => row(item, keyOf(part.service)))}</tbody></table></div>`}
    ${after && after(part)}
  </div>`;
}

function ServiceFilter({ id, value, onChange }) {
  return html`<label for=${id}>Service</label><select id=${id} onChange=${(e) => onChange(e.target.value)}>
    <option value="" selected=${value === ''}>every service</option>
    ${SERVICES.map((s) => html`<option value=${s} selected=${value === s}>${s}-service</option>`)}</select>`;
}

function DeadLetters() {
  const [service, setService] = useState('');
  const [page, setPage] = useState(0);
  const [tick, setTick] = useState(0);
  const [done, setDone] = useState('');
  const state = useLoad(() => api(`/admin/dead-letters${query({ page, size: SIZE, service })}`), [service, page, tick]);
  const reload = (message) => { setDone(message); setTick(tick + 1); };
  return html`<section aria-labelledby="dead-letters-heading">
    <h2 id="dead-letters-heading">Dead letters</h2>
    <p class="hint">Records a consumer could not apply. Redrive applies one again through the consumer's inbox (a duplicate changes
      nothing); fix the cause first (a missing catalogue entry, a service that was down), or it fails again and stays listed with the new error.</p>
    <${ServiceFilter} id="dead-letter-service" value=${service} onChange=${(s) => { setService(s); setPage(0); }} />
    <p role="status" aria-live="polite" id="dead-letter-done">${done}</p>
    <${Loaded} state=${state}>${({ data }) => {
      const most = Math.max(0, ...data.services.map((p) => p.total || 0));
      return html`${data.services.map((part) => html`<${ServicePart} part=${part} caption=${['dead letter', 'dead letters']}
        head=${['Dead-lettered', 'Event', 'Where', 'Error', 'Action']}
        row=${(d, key) => html`<tr data-dead-letter=${d.id}><td>${when(d.deadLetteredAt)}</td>
          <td>${d.ceType || 'not a CloudEvent'}<br /><span class="hint">key ${d.key || '—'} · consumer ${shortName(d.consumer)}</span></td>
          <td>${d.topic} partition ${d.partition} offset ${d.offset}</td>
          <td>${d.error}<details><summary>The record</summary><pre class="record">${d.value || '(no value)'}</pre></details></td>
          <td><${ActionButton} id=${`redrive-${d.id}`} label="Redrive" hint=${`${key}-service applies it again`}
            action=${() => post(path`/admin/dead-letters/${key}/${d.id}/redrive`)}
            onDone=${(r) => reload(`Redriven: ${r.outcome === 'DUPLICATE' ? 'it had been applied already' : 'applied'} (${d.ceType || d.id}).`)} /></td></tr>`}
        after=${(p) => p.total > 0 && html`<${ActionButton} id=${`redrive-all-${keyOf(p.service)}`} label=${`Redrive every dead letter of ${p.service}`}
          action=${() => post(path`/admin/dead-letters/${keyOf(p.service)}/redrive`)}
          onDone=${(r) => reload(`${p.service}: ${r.redriven.length} redriven, ${r.failed.length} failed again.`)} />`} />`)}
        <${Pager} page=${page} size=${SIZE} total=${most} onPage=${setPage} label="Pages of dead letters" />`;
    }}<//>
  </section>`;
}

/** Skip gives an event up for good: a second, explicit button confirms it. */
function SkipRow({ id, serviceKey, onDone }) {
  const [asking, setAsking] = useState(false);
  if (!asking) return html`<button type="button" class="secondary" id=${`skip-${id}`} onClick=${() => setAsking(true)}>Skip…</button>`;
  return html`<div class="confirm" role="group" aria-label="Confirm skipping">
    <${ActionButton} id=${`skip-confirm-${id}`} label="Yes, skip it (never sent)" action=${() => post(path`/admin/outbox/failed/${serviceKey}/${id}/skip`)}
      onDone=${onDone} />
    <button type="button" class="secondary" onClick=${() => setAsking(false)}>Keep it</button></div>`;
}

function FailedOutbox() {
  const [service, setService] = useState('');
  const [page, setPage] = useState(0);
  const [tick, setTick] = useState(0);
  const [done, setDone] = useState('');
  const state = useLoad(() => api(`/admin/outbox/failed${query({ page, size: SIZE, service })}`), [service, page, tick]);
  const reload = (message) => { setDone(message); setTick(tick + 1); };
  return html`<section aria-labelledby="outbox-heading">
    <h2 id="outbox-heading">Failed outbox rows</h2>
    <p class="hint">Events a service could not publish; each holds back the later events of its subject. Release sends it again;
      skip gives it up and lets its subject go on without it.</p>
    <${ServiceFilter} id="outbox-service" value=${service} onChange=${(s) => { setService(s); setPage(0); }} />
    <p role="status" aria-live="polite" id="outbox-done">${done}</p>
    <${Loaded} state=${state}>${({ data }) => {
      const most = Math.max(0, ...data.services.map((p) => p.total || 0));
      return html`${data.services.map((part) => html`<${ServicePart} part=${part} caption=${['failed row', 'failed rows']}
        head=${['Failed', 'Event', 'Why', 'Held back', 'Action']}
        row=${(r, key) => html`<tr data-outbox-row=${r.id}><td>${when(r.failedAt)}</td>
          <td>${r.type}<br /><span class="hint">${r.topic} · key ${r.key} · row ${r.seq}</span></td><td>${r.failure}</td>
          <td>${r.heldBack} later event${r.heldBack === 1 ? '' : 's'}</td>
          <td><${ActionButton} id=${`release-${r.id}`} label="Release" action=${() => post(path`/admin/outbox/failed/${key}/${r.id}/release`)}
              onDone=${() => reload(`Released: ${r.type} is sent again.`)} />
            <${SkipRow} id=${r.id} serviceKey=${key} onDone=${() => reload(`Skipped: ${r.type} will not be sent.`)} /></td></tr>`} />`)}
        <${Pager} page=${page} size=${SIZE} total=${most} onPage=${setPage} label="Pages of failed outbox rows" />`;
    }}<//>
  </section>`;
}

/** #/ops/dead-letters */
export function Operations() {
  return html`<div class="operations"><h1>Dead letters and failed events</h1><${DeadLetters} /><${FailedOutbox} /></div>`;
}

/** #/ops/clock: the local demo's clock (every service's offset from real time). */
export function Clock() {
  const [tick, setTick] = useState(0);
  const [offset, setOffset] = useState('P30D');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const state = useLoad(() => api('/admin/clock').then((r) => r.data), [tick]);
  const move = async (to) => {
    setError(null);
    setBusy(true);
    try {
      await api('/admin/clock', { method: 'PUT', body: { offset: to } });
      setTick(tick + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="clock">
    <h1>Clock</h1>
    <p class="hint">Local demo only: moves every service's clock (an ISO-8601 offset from real time) so that expiries, renewal windows and
      sweeps can be shown. A real deployment's services refuse it.</p>
    <${Loaded} state=${state}>${(clock) => html`<div class="table-scroll"><table id="clocks"><caption>Each service's clock</caption>
      <thead><tr><th scope="col">Service</th><th scope="col">Offset</th><th scope="col">Its time now</th></tr></thead>
      <tbody>${clock.services.map((s) => html`<tr><th scope="row">${s.service}</th>
        <td>${s.status === 200 ? s.body.offset : `not answering (${s.status})`}</td>
        <td>${s.status === 200 ? new Date(s.body.now).toLocaleString() : '—'}</td></tr>`)}</tbody></table></div>`}<//>
    <form onSubmit=${(e) => { e.preventDefault(); move(offset); }}>
      <label for="clock-offset">Offset from real time</label>
      <span class="hint" id="clock-offset-hint">For example P30D (30 days ahead), PT3H, -P200D; PT0S is real time.</span>
      <input id="clock-offset" value=${offset} aria-describedby="clock-offset-hint" required onInput=${(e) => setOffset(e.target.value)} />
      <div class="buttons"><button type="submit" disabled=${busy}>Move every clock</button>
        <button type="button" class="secondary" disabled=${busy} onClick=${() => move('PT0S')}>Back to real time</button></div>
    </form>
    <${Problem} error=${error} />
  </div>`;
}
