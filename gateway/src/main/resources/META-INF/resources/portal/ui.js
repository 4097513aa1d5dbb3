// Small shared pieces: loading data, showing problems, dates, progress.
import { html, useState, useEffect, useCallback, useRef } from './preact.js';
import { describe, withSignal } from './api.js';

/**
 * Runs load(signal) on mount and whenever deps change; reload() runs it again without clearing what is shown. A new
 * run, a change of deps or leaving the page aborts the run before it (AbortController): the API calls that load()
 * makes synchronously take its signal by themselves (withSignal in api.js); later ones can pass load's signal along.
 */
export function useLoad(load, deps) {
  const [state, setState] = useState({ loading: true });
  const running = useRef(null);
  const run = useCallback(() => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const current = () => running.current === controller && !controller.signal.aborted;
    let started;
    try {
      started = withSignal(controller.signal, () => load(controller.signal));
    } catch (error) {
      started = Promise.reject(error);
    }
    Promise.resolve(started).then(
      (data) => current() && setState({ data }),
      (error) => current() && error?.name !== 'AbortError' && setState({ error }),
    );
    return () => controller.abort();
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/**
 * One page of a list at a time: fetchPage(page, size) answers api()'s { data, total } (total from X-Total-Count);
 * returns the load state plus pager = the props of <Pager> (it resets to page 0 when deps change).
 */
export function usePaged(fetchPage, deps, size = 20) {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), deps);
  const state = useLoad(() => fetchPage(page, size), [...deps, page, size]);
  const total = state.data ? (state.data.total ?? state.data.data?.length ?? 0) : 0;
  return { ...state, items: state.data?.data || [], pager: { page, size, total, onPage: setPage } };
}

/** A problem+json answer (or any error) as a readable message, announced to screen readers. */
export function Problem({ error }) {
  if (!error) return null;
  const { title, detail } = describe(error);
  return html`<div class="problem" role="alert"><strong>${title}</strong>${detail ? html` — ${detail}` : ''}</div>`;
}

/** Renders children(data) once loaded; a spinner line meanwhile; the problem when it failed. */
export function Loaded({ state, children }) {
  if (state.error) return html`<${Problem} error=${state.error} />`;
  if (state.loading && !state.data) return html`<p class="loading" aria-busy="true">Loading…</p>`;
  return children(state.data);
}

/** A hash link to an organisation's page, its id encoded. */
export const orgHref = (org, page) => `#/org/${encodeURIComponent(org)}/${page}`;

/** A Date as the value of a datetime-local field: the browser's local time, to the minute. */
export function localInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A Date as the value of a date field, in the browser's local calendar. */
export const localDate = (date) => localInput(date).slice(0, 10);

export const day = (instant) => (instant ? String(instant).slice(0, 10) : '—');
export const when = (instant) => (instant ? new Date(instant).toLocaleString() : '—');
export const daysUntil = (instant) => Math.ceil((new Date(instant) - Date.now()) / 86400000);

export function LevelBadge({ level, atRisk }) {
  const name = (level || 'NONE').toLowerCase();
  const words = { NONE: 'None', SILVER: 'Silver', GOLD: 'Gold', NETWORK_MEMBER: 'Network member', SOLUTIONS_PARTNER: 'Solutions Partner' }[level || 'NONE'] || level;
  return html`<span class=${`level level-${name}${atRisk ? ' at-risk' : ''}`}>${words}${atRisk ? ' · at risk' : ''}</span>`;
}

/** A labelled have/need bar. */
export function Progress({ have, need, label }) {
  const value = Math.min(Number(have), Number(need));
  return html`<div class="progress">
    <progress value=${value} max=${need} aria-label=${label}></progress>
    <span class="figures">${have} / ${need}</span>
  </div>`;
}

/** A button that runs an async action, shows "…" meanwhile and the problem (the reason for a refusal) beside it. */
export function ActionButton({ label, action, onDone, disabled, hint, id }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const click = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      onDone && onDone(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const hintId = id ? `${id}-why` : undefined;
  return html`<div class="action">
    <button id=${id} type="button" onClick=${click} disabled=${busy || disabled} aria-describedby=${hintId}>
      ${busy ? `${label}…` : label}</button>
    <div id=${hintId} class="why" aria-live="polite">${error ? html`<${Problem} error=${error} />` : hint || ''}</div>
  </div>`;
}

/** Previous/next for a paged list (page from 0, the total from X-Total-Count). */
export function Pager({ page, size, total, onPage, label }) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  return html`<nav class="pager" aria-label=${label}>
    <button type="button" disabled=${page === 0} onClick=${() => onPage(page - 1)}>Previous</button>
    <span>Page ${page + 1} of ${pages}</span>
    <button type="button" disabled=${page + 1 >= pages} onClick=${() => onPage(page + 1)}>Next</button>
  </nav>`;
}
