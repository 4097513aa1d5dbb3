// The partner's public profile (issue 22): the organisation's credentials with their live status, readable without
// signing in (#/partners/{organizationId}). Every figure comes from the public /organization-credentials endpoints.
import { html, useState, useEffect } from './preact.js';
import { api, get, post, path } from './api.js';
import { Loaded, ActionButton, useLoad, day, when } from './ui.js';

/** The status line refreshes on its own this often (the status list itself is at most a second old). */
const REFRESH_MS = 15000;

const KIND = { COMPETENCY: 'Competency', DESIGNATION: 'Solutions Partner designation', SPECIALISATION: 'Specialisation' };

function Credential({ credential }) {
  const [check, setCheck] = useState(null);
  const verify = async () => {
    const { text } = await api(path`/organization-credentials/${credential.id}`, { accept: 'application/vc+jwt' });
    setCheck(await post('/organization-credentials/verifications', { credential: text }));
  };
  const active = credential.status === 'ACTIVE';
  const headingId = `credential-${credential.id}`;
  const share = `${location.origin}/api${path`/organization-credentials/${credential.id}`}`;
  return html`<li class="credential" data-credential=${credential.id} aria-labelledby=${headingId}>
    <h2 id=${headingId}>${credential.name}</h2>
    <p class="kind">${KIND[credential.kind] || credential.kind} · held since ${day(credential.validFrom)}</p>
    <p class=${active ? 'verified' : 'problem'} data-status=${credential.status}>
      ${active ? 'Active: the organisation holds it now' : `Revoked on ${day(credential.revokedAt)}: no longer held`}</p>
    <div class="buttons">
      <${ActionButton} id=${`verify-${credential.id}`} label="Verify signature and status" action=${verify} />
    </div>
    ${check && html`<p class=${check.signatureValid && check.revoked === false ? 'verified' : 'problem'} role="status"
        data-verified=${String(check.signatureValid && check.revoked === false)}>
      ${check.signatureValid ? `Signature valid (key ${check.keyId}); ${check.revoked ? 'revoked' : 'not revoked'} in the status list`
        : `Signature NOT valid: ${check.reason}`} — checked ${when(check.checkedAt)}</p>`}
    <label for=${`share-${credential.id}`}>Credential link (a VC-JWT anyone can verify)</label>
    <div class="share"><input id=${`share-${credential.id}`} readonly value=${share} onFocus=${(e) => e.target.select()} />
      <button type="button" onClick=${() => navigator.clipboard?.writeText(share)}>Copy</button></div>
  </li>`;
}

/** #/partners/{org}: public, with or without a sign-in. */
export function PublicProfile({ org }) {
  const state = useLoad(() => get(path`/organization-credentials/organizations/${org}`), [org]);
  useEffect(() => {
    const timer = setInterval(() => state.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [state.reload]);
  return html`<${Loaded} state=${state}>${(profile) => html`<div class="public-profile">
    <h1>${profile.name || 'Organisation'}</h1>
    <p class="hint">${profile.mpnId ? `Partner id (MPN) ${profile.mpnId}. ` : ''}Credentials issued by the partner programme
      as Open Badges 3.0, signed (VC-JWT); revocation is published as a W3C Bitstring Status List.</p>
    ${profile.credentials.length === 0 && html`<p>No credential yet.</p>`}
    <ul class="credential-list" aria-label="Credentials">
      ${profile.credentials.map((c) => html`<${Credential} key=${c.id} credential=${c} />`)}
    </ul>
  </div>`}<//>`;
}
