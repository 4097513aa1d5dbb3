// Employee pages (#27): my exam registrations (paged; cancel before the appointment, confirmed in a dialog) and my
// Exam Replay vouchers (use one: the exam's page with the voucher chosen for the booking).
import { html, useState, useRef, useEffect } from './preact.js';
import { api, get, post, path, query } from './api.js';
import { useLoad, usePaged, Loaded, Problem, Pager, day, when } from './ui.js';
import { examHref, words } from './exam-pages.js';

const STATUS = {
  AWAITING_SYSTEM_CHECK: 'Awaiting your system check', SCHEDULED: 'Scheduled', CANCELLED: 'Cancelled', COMPLETED: 'Taken',
};
const cancellable = (r) => (r.status === 'SCHEDULED' || r.status === 'AWAITING_SYSTEM_CHECK') && new Date(r.scheduledAt) > new Date();

export function Registrations({ candidate }) {
  const list = usePaged((page, size) => api(path`/exam-candidates/${candidate}/registrations` + query({ page, size })), [candidate], 20);
  const [asking, setAsking] = useState(null); // the registration the dialog asks about
  const [done, setDone] = useState(null);
  return html`<div class="registrations">
    <h1>My exam registrations</h1>
    <p class="hint">Latest appointment first. Cancel before the appointment; a voucher used for the booking comes back.${' '}
      <a href="#/me/exams">Book an exam</a></p>
    <div aria-live="polite" id="registrations-status" tabindex="-1">${done && html`<p class="eligible" role="status">${done}</p>`}</div>
    <${Loaded} state=${list}>${() => (list.pager.total === 0 ? html`<p>No registrations yet.</p>` : html`<div class="table-scroll">
      <table class="registration-list"><caption>${list.pager.total} registration${list.pager.total === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">Exam</th><th scope="col">Appointment (your time)</th>
        <th scope="col">Status</th></tr></thead>
      <tbody>${list.items.map((r) => html`<tr data-registration=${r.id}>
        <td><a href=${examHref(r.examCode)}>${r.examCode}</a><div class="hint">${words(r.deliveryMode)} · ${words(r.provider)}</div></td>
        <td><time datetime=${r.scheduledAt}>${when(r.scheduledAt)}</time></td>
        <td>${STATUS[r.status] || words(r.status)}${r.voucherId ? ' · voucher' : ''}${r.systemCheckPassed === false ? ' · system check failed' : ''}
          ${cancellable(r) && html`<div><button type="button" class="secondary" id=${`cancel-${r.id}`}
          onClick=${() => { setDone(null); setAsking(r); }}>Cancel…<span class="sr-only"> ${r.examCode} on ${when(r.scheduledAt)}</span></button></div>`}</td>
      </tr>`)}</tbody></table></div>
      <${Pager} ...${list.pager} label="Registration pages" />`)}<//>
    ${asking && html`<${CancelDialog} registration=${asking} onClose=${(cancelled) => {
      setAsking(null);
      if (cancelled) {
        setDone(`Cancelled ${cancelled.examCode} on ${when(cancelled.scheduledAt)}${cancelled.voucherId ? '; your voucher is available again' : ''}.`);
        list.reload();
      }
    }} />`}
  </div>`;
}

/** A modal <dialog>: focus moves into it, Escape closes it, focus goes back to the page when it closes. */
function CancelDialog({ registration, onClose }) {
  const dialog = useRef(null);
  const cancelled = useRef(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const opener = document.activeElement;
    dialog.current.showModal();
    // kept: back to the Cancel button; cancelled: the page announces it and takes the focus (the button is gone)
    return () => (cancelled.current ? document.getElementById('registrations-status')?.focus()
      : opener && opener.isConnected && opener.focus());
  }, []);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await post(path`/exam-registrations/${registration.id}/cancellation`);
      cancelled.current = true;
      dialog.current.close();
      onClose(answer);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return html`<dialog ref=${dialog} class="confirm" id="cancel-dialog" aria-labelledby="cancel-heading"
    aria-describedby="cancel-what" onCancel=${(e) => { e.preventDefault(); dialog.current.close(); onClose(null); }}>
    <h2 id="cancel-heading">Cancel this registration?</h2>
    <p id="cancel-what">${registration.examCode}, ${when(registration.scheduledAt)} (${words(registration.deliveryMode)}).
      ${registration.voucherId ? ' The voucher you used comes back.' : ''}</p>
    <${Problem} error=${error} />
    <div class="buttons">
      <button type="button" id="confirm-cancel" onClick=${cancel} disabled=${busy}>${busy ? 'Cancelling…' : 'Cancel registration'}</button>
      <button type="button" class="secondary" onClick=${() => { dialog.current.close(); onClose(null); }}>Keep it</button>
    </div>
  </dialog>`;
}

const VOUCHER_STATUS = { AVAILABLE: 'Available', USED: 'Used', EXPIRED: 'Expired' };

export function Vouchers({ candidate }) {
  const state = useLoad(() => get(path`/exam-candidates/${candidate}/vouchers`), [candidate]);
  return html`<div class="vouchers">
    <h1>My vouchers</h1>
    <p class="hint">An Exam Replay voucher pays for one retake of its exam, booked for an appointment on or before its
      expiry; the waits after a failed attempt still apply.</p>
    <${Loaded} state=${state}>${(vouchers) => (vouchers.length === 0 ? html`<p>You have no vouchers.</p>` : html`<div class="table-scroll">
      <table class="voucher-list"><caption>${vouchers.length} voucher${vouchers.length === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">Exam</th><th scope="col">Valid to</th><th scope="col">Status</th>
        <th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${vouchers.map((v) => html`<tr data-voucher=${v.id}>
        <td>${v.examCode}</td><td>${day(v.expiresOn)}</td>
        <td>${VOUCHER_STATUS[v.status] || words(v.status)}${v.registrationId ? html` (<a href="#/me/registrations">registration</a>)` : ''}</td>
        <td>${v.status === 'AVAILABLE' && html`<a class="button-link" id=${`use-${v.id}`} href=${examHref(v.examCode, v.id)}>
          Use for a booking<span class="sr-only"> of ${v.examCode}</span></a>`}</td></tr>`)}</tbody></table></div>`)}<//>
  </div>`;
}
