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
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
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

/** fetch('/api' + path) with the token; JSON in and out; throws ApiError on a non-2xx answer. */
export async function api(path, { method = 'GET', body, accept = 'application/json', contentType } = {}) {
  const headers = { Accept: accept };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['Content-Type'] = contentType || (typeof body === 'string' ? 'text/plain' : 'application/json');
  }
  const response = await fetch(`/api${path}`, { method, headers, body: payload });
  const text = await response.text();
  const json = (response.headers.get('Content-Type') || '').includes('json') && text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json || { title: response.statusText, detail: text.slice(0, 300) });
  }
  return { data: json, text, total: Number(response.headers.get('X-Total-Count') || 0) };
}

export const get = async (path) => (await api(path)).data;
export const post = async (path, body) => (await api(path, { method: 'POST', body: body ?? {} })).data;

/**
 * Server-sent events through the gateway, read with fetch so that the bearer token travels in the header (EventSource
 * cannot send one). Calls onEvent(name, data) per event and onState('live' | 'reconnecting' | 'polling'); falls back to
 * calling onEvent('poll') every 5 s when the stream is not offered. Returns a function that stops it.
 */
export function listen(path, onEvent, onState) {
  const controller = new AbortController();
  const stopped = () => controller.signal.aborted;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  (async () => {
    while (!stopped()) {
      try {
        const response = await fetch(`/api${path}`, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token()}` },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new ApiError(response.status, { title: 'No live stream' });
        onState('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) name = line.slice(6).trim();
              else if (line.startsWith('data:')) data += line.slice(5).trim();
            }
            onEvent(name, data ? JSON.parse(data) : null);
          }
        }
        if (!stopped()) onState('reconnecting');
      } catch (error) {
        if (stopped()) return;
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          onState('polling'); // no stream here: poll instead
          while (!stopped()) {
            await sleep(5000);
            if (!stopped()) onEvent('poll', null);
          }
          return;
        }
        onState('reconnecting');
      }
      await sleep(1000);
    }
  })();
  return () => controller.abort();
}
