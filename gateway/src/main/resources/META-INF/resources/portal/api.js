// The portal's only way to the services: the public REST API under /api (same origin), with the bearer token.

const TOKEN_KEY = 'partnerhub.token';

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => sessionStorage.setItem(TOKEN_KEY, token.trim()),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
  /** The token's claims, for choosing pages only: every API call is checked again by the gateway and the service. */
  claims() {
    const token = this.token();
    if (!token) return null;
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(decodeURIComponent(escape(atob(payload))));
      return { ...claims, role: (claims.groups || [])[0] };
    } catch {
      return null;
    }
  },
};

/** An answer other than 2xx, with the problem+json body (RFC 9457) when the API sent one. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    /** Seconds to wait before trying again (the Retry-After header of a 429 or 503), or null. */
    this.retryAfter = retryAfter;
  }
}

const retryAfterOf = (response) => {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
};

/**
 * An API path with every interpolated value percent-encoded as one path segment (or one query value), so an id from
 * the URL, the token or an API answer can never add a segment, a query or a fragment:
 * path`/organizations/${org}/users/${user}/departure`.
 */
export function path(strings, ...values) {
  return strings.reduce((out, text, i) => out + encodeURIComponent(String(values[i - 1])) + text);
}

/** "?a=1&b=2" from the parameters that have a value (encoded), or "". */
export function query(params) {
  const present = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return present.length ? `?${new URLSearchParams(present)}` : '';
}

/** Tells the portal that the token is no longer accepted: it signs out and shows the sign-in page with a note. */
export function askToSignInAgain() {
  dispatchEvent(new CustomEvent('partnerhub:sign-in-again'));
}

/** A readable sentence for any error: the problem's title and detail, field violations, or what went wrong locally. */
export function describe(error) {
  if (!(error instanceof ApiError)) return { title: 'Something went wrong', detail: String(error.message || error) };
  const p = error.problem;
  const title = error.status === 404 ? 'Not found' : error.status === 401 ? 'Please sign in again' : p.title || `Error ${error.status}`;
  let detail = p.detail || '';
  if (Array.isArray(p.violations) && p.violations.length) {
    detail = p.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
  }
  return { title, detail };
}

/**
 * The signal of the load that useLoad (ui.js) is running right now: api() calls made synchronously inside a load take
 * it, so that a reload or leaving the page cancels them (AbortController) without every page passing it along.
 */
let ambientSignal = null;
export function withSignal(signal, start) {
  const before = ambientSignal;
  ambientSignal = signal;
  try {
    return start();
  } finally {
    ambientSignal = before;
  }
}

/**
 * fetch('/api' + path) with the token; JSON in and out; throws ApiError on a non-2xx answer (401: asks to sign in again).
 * total is X-Total-Count as a number, or null when the answer has none. signal cancels it (default: the running load's).
 */
export async function api(path, { method = 'GET', body, accept = 'application/json', contentType, signal } = {}) {
  const headers = { Accept: accept };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['Content-Type'] = contentType || (typeof body === 'string' ? 'text/plain' : 'application/json');
  }
  const response = await fetch(`/api${path}`, { method, headers, body: payload, signal: signal || ambientSignal || undefined });
  const text = await response.text();
  const json = (response.headers.get('Content-Type') || '').includes('json') && text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && token) askToSignInAgain(); // expired or no longer accepted: not a page's problem
    throw new ApiError(response.status, json || { title: response.statusText, detail: text.slice(0, 300) }, retryAfterOf(response));
  }
  const total = response.headers.get('X-Total-Count');
  return { data: json, text, total: total === null ? null : Number(total) };
}

export const get = async (path, options) => (await api(path, options)).data;
export const post = async (path, body) => (await api(path, { method: 'POST', body: body ?? {} })).data;

/**
 * Every item of a paged list (for a choice among all of them: a select, a lookup of names), page by page of 100 until
 * X-Total-Count is reached (or, where the API sends no total, until a page comes back short). At most 50 pages.
 */
export async function getAll(listPath, options) {
  const signal = (options && options.signal) || ambientSignal || undefined;
  const joiner = listPath.includes('?') ? '&' : '?';
  const items = [];
  for (let page = 0; page < 50; page++) {
    const { data, total } = await api(`${listPath}${joiner}page=${page}&size=100`, { signal });
    items.push(...(data || []));
    if (!data || data.length < 100 || (total !== null && items.length >= total)) break;
  }
  return items;
}

/**
 * Server-sent events through the gateway, read with fetch so that the bearer token travels in the header (EventSource
 * cannot send one). Calls onEvent(name, data) per event and onState(state) as it goes:
 * - 'live': the stream is open;
 * - 'reconnecting': the stream ended (the server completes it when the token expires, or the connection broke); it is
 *   opened again with the token signed in now, after 1 s, doubling up to 30 s while it keeps failing, and
 *   onEvent('poll') reloads once it is back, for what changed in between;
 * - 'signed-out': 401, the token is no longer accepted: stops and asks to sign in again (askToSignInAgain);
 * - 'busy': 429, too many live views open for this person or organisation: reloads every 30 s (onEvent('poll')) and
 *   tries the stream again then (or after Retry-After, when longer);
 * - 'polling': any other 4xx (no stream offered here): onEvent('poll') every 5 s.
 * Returns a function that stops it.
 */
export function listen(streamPath, onEvent, onState) {
  const controller = new AbortController();
  const stopped = () => controller.signal.aborted;
  const sleep = (ms) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    controller.signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
  const backoff = (failures) => Math.min(30000, 1000 * 2 ** Math.max(0, failures - 1));
  (async () => {
    let failures = 0;
    let opened = false;
    while (!stopped()) {
      let wait;
      try {
        const token = session.token();
        const response = await fetch(`/api${streamPath}`, {
          headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          throw new ApiError(response.status, { title: 'No live stream' }, retryAfterOf(response));
        }
        const since = Date.now();
        onState('live');
        if (opened) onEvent('poll', null); // back after a gap: what changed meanwhile
        opened = true;
        try {
          await read(response.body, onEvent);
        } catch {
          // the connection broke off mid-stream: as if it had ended
        }
        if (stopped()) return;
        // completed by the server (token expiry) or cut: a stream that lasted counts as a success
        failures = Date.now() - since > 10000 ? 1 : failures + 1;
        onState('reconnecting');
        wait = backoff(failures);
      } catch (error) {
        if (stopped()) return;
        if (error instanceof ApiError && error.status === 401) {
          onState('signed-out');
          askToSignInAgain();
          return;
        }
        if (error instanceof ApiError && error.status === 429) {
          onState('busy');
          await sleep(Math.max(30, error.retryAfter || 0) * 1000);
          if (!stopped()) onEvent('poll', null);
          continue;
        }
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          onState('polling'); // no stream here: poll instead
          while (!stopped()) {
            await sleep(5000);
            if (!stopped()) onEvent('poll', null);
          }
          return;
        }
        failures += 1;
        onState('reconnecting');
        wait = Math.max(backoff(failures), (error instanceof ApiError && error.retryAfter ? error.retryAfter * 1000 : 0));
      }
      await sleep(wait);
    }
  })();
  return () => controller.abort();
}

/**
 * Reads an event stream to its end per the HTML specification's "interpreting an event stream": lines end in CRLF, LF
 * or CR (a CR at the end of one chunk and the LF at the start of the next are one line end); a line starting with ":"
 * is a comment; "field: value" loses one leading space of the value; data lines join with "\n"; an empty line
 * dispatches the event (none when it has no data; the type is "message" unless an event field named it); id and
 * retry are kept (lastEventId, retry in ms); an event left unfinished when the stream ends is dropped. Calls
 * onEvent(type, data parsed as JSON, or the text when it is not JSON).
 */
export async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = eventStreamParser(onEvent);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return parser.state;
    parser.push(value);
  }
}

/** The line and field rules of read(), fed chunk by chunk (exported for the tests). */
export function eventStreamParser(onEvent) {
  const state = { lastEventId: '', retry: null };
  let buffer = '';
  let skipLf = false;
  let type = '';
  let data = '';
  let hasData = false;
  const line = (text) => {
    if (text === '') {
      if (hasData) {
        const payload = data.endsWith('\n') ? data.slice(0, -1) : data;
        let parsed = payload;
        try { parsed = JSON.parse(payload); } catch { /* plain text */ }
        onEvent(type || 'message', parsed, state.lastEventId);
      }
      type = ''; data = ''; hasData = false;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') { data += `${value}\n`; hasData = true; }
    else if (field === 'id') { if (!value.includes('\0')) state.lastEventId = value; }
    else if (field === 'retry') { if (/^[0-9]+$/.test(value)) state.retry = Number(value); }
  };
  const push = (chunk) => {
    let text = chunk;
    if (skipLf && text.startsWith('\n')) text = text.slice(1);
    skipLf = false;
    buffer += text;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      line(buffer.slice(start, i));
      if (c === '\r') {
        if (i + 1 === buffer.length) skipLf = true;
        else if (buffer[i + 1] === '\n') i += 1;
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
  return { push, state };
}
