// PartnerHub partner portal: the signed-in person's e-mail notification preferences (#23).
import { html, useState } from './preact.js';
import { api, path } from './api.js';
import { useLoad, Loaded, Problem } from './ui.js';

/** One checkbox per kind of mail; security notices are shown, checked and cannot be turned off. */
export function Notifications() {
  const state = useLoad(() => api('/notifications/preferences/me').then((r) => r.data), []);
  const [saving, setSaving] = useState(null);
  const [saved, setSaved] = useState(null);
  const [error, setError] = useState(null);
  const choose = async (kind, enabled) => {
    setError(null);
    setSaved(null);
    setSaving(kind);
    try {
      const now = (await api(path`/notifications/preferences/me/${kind}`, { method: 'PUT', body: { enabled } })).data;
      setSaved(`${now.description}: ${now.enabled ? 'on' : 'off'}`);
      state.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(null);
    }
  };
  return html`<div class="notifications">
    <h1>E-mail notifications</h1>
    <${Loaded} state=${state}>${(preferences) => html`<form onSubmit=${(e) => e.preventDefault()}>
      <fieldset>
        <legend>Send me an e-mail when…</legend>
        <p class="hint" id="security-hint">Security notices (an invitation, a disabled webhook endpoint) are always sent.
          Every other e-mail has a one-click unsubscribe link as well.</p>
        <ul class="preferences">
          ${preferences.map((p) => html`<li>
            <input type="checkbox" id=${`pref-${p.kind}`} checked=${p.enabled} disabled=${!p.canTurnOff || saving === p.kind}
              aria-describedby=${p.canTurnOff ? undefined : 'security-hint'}
              onChange=${(e) => choose(p.kind, e.target.checked)} />
            <label for=${`pref-${p.kind}`}>${p.description}${p.canTurnOff ? '' : ' (security notice)'}</label>
          </li>`)}
        </ul>
      </fieldset>
    </form>`}<//>
    <div aria-live="polite" id="preferences-status">${saved && html`<p role="status">Saved — ${saved}.</p>`}</div>
    <${Problem} error=${error} />
    ${state.error && state.error.status === 404 && html`<p class="hint">Your sign-in is not linked to a user account of
      your organisation yet (an employee joins with an invitation code), so there is nothing to set.</p>`}
  </div>`;
}
