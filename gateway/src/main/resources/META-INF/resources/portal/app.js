// PartnerHub partner portal: sign-in, navigation and hash routes. Pages live in org-pages.js, designation-pages.js,
// people-pages.js, me-pages.js, exam-pages.js, booking-pages.js, cert-pages.js, assess-pages.js, profile-pages.js,
// public-pages.js, notify-pages.js and webhook-pages.js; issue 27's partner-admin pages in requirements-pages.js,
// history-pages.js, admin-pages.js, ops' in catalogue-pages.js, ops-pages.js.
import { html, render, useState, useEffect } from './preact.js';
import { session, get, path } from './api.js';
import { Problem, orgHref } from './ui.js';
import { Dashboard, Membership, Organisations } from './org-pages.js';
import { Designations } from './designation-pages.js';
import { People, Activity } from './people-pages.js';
import { Transcript, Badges, Join } from './me-pages.js';
import { Exams, ExamDetails } from './exam-pages.js';
import { Registrations, Vouchers } from './booking-pages.js';
import { Certifications } from './cert-pages.js';
import { Assessments, Attempt } from './assess-pages.js';
import { Directory, Partner, SharedTranscript, BadgePage, Listing } from './public-pages.js';
import { Webhooks } from './webhook-pages.js';
import { Notifications } from './notify-pages.js';
import { StatusHistory } from './history-pages.js';
import { Requirements } from './requirements-pages.js';
import { Performance, Departures } from './admin-pages.js';
import { Catalogues } from './catalogue-pages.js';
import { Operations, Clock } from './ops-pages.js';

/** The hash route's segments, decoded (ids in it are encoded again wherever they go into a link or an API path). */
function useRoute() {
  const decode = (segment) => { try { return decodeURIComponent(segment); } catch { return segment; } };
  const read = () => (location.hash.replace(/^#/, '') || '/').split('/').filter(Boolean).map(decode);
  const [route, setRoute] = useState(read());
  useEffect(() => {
    const changed = () => setRoute(read());
    addEventListener('hashchange', changed);
    if (location.hash !== `#/${route.join('/')}`) changed(); // changed before the listener was added (a redirect at first render)
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** Where each role starts. */
function home(claims) {
  if (claims.role === 'partner-admin' && claims.org) return orgHref(claims.org, 'dashboard');
  if (claims.role === 'employee' && claims.candidate) return '#/me/transcript';
  return '#/orgs';
}

function SignIn({ onSignedIn, ended }) {
  const [personas, setPersonas] = useState(null);
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => {
    // Local demo only: deploy/run offers personas with demo tokens; a real deployment answers 404.
    fetch('/dev/personas', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : []))
      .then(setPersonas, () => setPersonas([]));
  }, []);
  const use = (value) => {
    session.signIn(value);
    if (!session.claims()) {
      session.signOut();
      setError(new Error('That is not a JWT (three dot-separated parts).'));
      return;
    }
    onSignedIn();
  };
  return html`<main class="sign-in" id="main">
    <h1>Sign in to PartnerHub</h1>
    ${ended && html`<div class="alert" role="alert" id="signed-out"><strong>Please sign in again</strong> — your sign-in
      has ended (the token expired or is no longer accepted).</div>`}
    ${personas && personas.length > 0 && html`<section aria-labelledby="personas-heading">
      <h2 id="personas-heading">Demo personas</h2>
      <p class="hint">Local demo (deploy/run): pick who you are. These tokens are signed with the devstack's demo key.</p>
      <ul class="personas">
        ${personas.map((p) => html`<li><button type="button" class="persona" data-role=${p.role} data-org=${p.org || ''}
          onClick=${() => use(p.token)}>${p.label}</button></li>`)}
      </ul>
      <p class="hint"><a href="/dev/mail">The demo's mail inbox</a>: every e-mail the suite sent (invitation codes,
        renewal reminders, competency changes).</p>
    </section>`}
    <section aria-labelledby="token-heading">
      <h2 id="token-heading">Bearer token</h2>
      <form onSubmit=${(e) => { e.preventDefault(); use(token); }}>
        <label for="token">Paste the access token your organisation's identity provider issued for PartnerHub
          (audience <code>partnerhub</code>)</label>
        <textarea id="token" rows="4" value=${token} onInput=${(e) => setToken(e.target.value)} required></textarea>
        <button type="submit">Sign in</button>
      </form>
      <${Problem} error=${error} />
    </section>
  </main>`;
}

function Nav({ claims, route }) {
  const org = route[0] === 'org' ? route[1] : claims.org;
  const links = [];
  if (claims.role === 'ops') {
    links.push(['#/orgs', 'Organisations'], ['#/ops/catalogues/exams', 'Catalogues'], ['#/ops/dead-letters', 'Dead letters'],
      ['#/ops/clock', 'Clock']);
  }
  if ((claims.role === 'partner-admin' || claims.role === 'ops') && org) {
    links.push([orgHref(org, 'dashboard'), 'Dashboard'], [orgHref(org, 'designations'), 'Designations'], [orgHref(org, 'membership'), 'Membership'],
      [orgHref(org, 'people'), 'People'], [orgHref(org, 'activity'), 'Activity'],
      [orgHref(org, 'webhooks'), 'Webhooks']);
    links.push([orgHref(org, 'requirements'), 'Requirements'], [orgHref(org, 'history'), 'Status history'],
      [orgHref(org, 'performance'), 'Performance'], [orgHref(org, 'departures'), 'Departures']);
    links.push([orgHref(org, 'listing'), 'Directory listing'], [`#/partners/${encodeURIComponent(org)}`, 'Public profile']);
  }
  if (claims.candidate) {
    links.push(['#/me/transcript', 'My transcript'], ['#/me/badges', 'My badges'], ['#/me/exams', 'Exams'],
      ['#/me/registrations', 'My registrations'], ['#/me/vouchers', 'My vouchers'], ['#/me/certifications', 'Certifications'],
      ['#/me/assessments', 'Assessments']);
    if (claims.role === 'employee' && claims.org) {
      links.push([orgHref(claims.org, 'dashboard'), 'My organisation'], [orgHref(claims.org, 'designations'), 'Designations']);
    }
  }
  if (claims.role === 'employee' && claims.org) links.push(['#/me/join', 'Join your organisation']);
  if (claims.org) links.push(['#/me/notifications', 'Notifications']);
  links.push(['#/directory', 'Partner directory']);
  const here = `#/${route.map(encodeURIComponent).join('/')}`;
  return html`<nav aria-label="Portal pages"><ul>
    ${links.map(([href, label]) => html`<li><a href=${href} aria-current=${here === href ? 'page' : undefined}>${label}</a></li>`)}
  </ul></nav>`;
}

function Page({ claims, route }) {
  const [area, id, page] = route;
  if (area === 'org' && id) {
    if (page === 'designations') return html`<${Designations} org=${id} />`;
    if (page === 'membership') return html`<${Membership} org=${id} claims=${claims} />`;
    if (page === 'people') return html`<${People} org=${id} claims=${claims} />`;
    if (page === 'activity') return html`<${Activity} org=${id} claims=${claims} />`;
    if (page === 'webhooks') return html`<${Webhooks} org=${id} />`;
    if (page === 'requirements') return html`<${Requirements} org=${id} />`;
    if (page === 'history') return html`<${StatusHistory} org=${id} />`;
    if (page === 'performance') return html`<${Performance} org=${id} />`;
    if (page === 'departures') return html`<${Departures} org=${id} />`;
    if (page === 'listing') return html`<${Listing} org=${id} />`;
    return html`<${Dashboard} org=${id} claims=${claims} />`;
  }
  if (area === 'me' && id === 'join' && claims.role === 'employee' && claims.org) return html`<${Join} org=${claims.org} />`;
  if (area === 'me' && id === 'notifications' && claims.org) return html`<${Notifications} />`;
  if (area === 'me' && claims.candidate) {
    if (id === 'badges') return html`<${Badges} candidate=${claims.candidate} />`;
    if (id === 'exams' && page) return html`<${ExamDetails} key=${page} candidate=${claims.candidate} code=${page} voucher=${route[3]} />`;
    if (id === 'exams') return html`<${Exams} />`;
    if (id === 'registrations') return html`<${Registrations} candidate=${claims.candidate} />`;
    if (id === 'vouchers') return html`<${Vouchers} candidate=${claims.candidate} />`;
    if (id === 'certifications') return html`<${Certifications} candidate=${claims.candidate} />`;
    if (id === 'assessments') return html`<${Assessments} />`;
    if (id === 'attempt' && page) return html`<${Attempt} key=${page} id=${page} />`;
    return html`<${Transcript} candidate=${claims.candidate} />`;
  }
  if (area === 'orgs') return html`<${Organisations} />`;
  if (area === 'ops' && claims.role === 'ops') {
    if (id === 'catalogues') return html`<${Catalogues} kind=${page} />`;
    if (id === 'dead-letters') return html`<${Operations} />`;
    if (id === 'clock') return html`<${Clock} />`;
  }
  const open = publicPage(route);
  if (open) return open;
  location.hash = home(claims);
  return null;
}

/** The pages anyone may read, signed in or not (issue 27); null for any other route. */
function publicPage([area, id]) {
  if (area === 'directory') return html`<${Directory} />`;
  if (area === 'partners' && id) return html`<${Partner} key=${id} org=${id} />`;
  if (area === 'transcripts' && id) return html`<${SharedTranscript} key=${id} code=${id} />`;
  if (area === 'badges' && id) return html`<${BadgePage} key=${id} holding=${id} />`;
  return null;
}

/** The organisation's name for the header (the token carries only its id). */
function useOrganisationName(org) {
  const [name, setName] = useState(null);
  useEffect(() => {
    setName(null);
    if (org) get(path`/organizations/${org}`).then((o) => setName(o.name), () => setName(null));
  }, [org]);
  return name;
}

function App() {
  const route = useRoute();
  const [claims, setClaims] = useState(session.claims());
  const [ended, setEnded] = useState(null); // { sub } of the sign-in that ended, until the next one
  const orgName = useOrganisationName(claims?.org);
  useEffect(() => {
    // the live stream (or anything else) found the token no longer accepted: back to the sign-in page, with a note
    const again = () => {
      const before = session.claims();
      if (!before) return; // already signed out (several requests answered 401)
      session.signOut();
      setClaims(null);
      setEnded({ sub: before?.sub });
    };
    addEventListener('partnerhub:sign-in-again', again);
    return () => removeEventListener('partnerhub:sign-in-again', again);
  }, []);
  const open = !claims && publicPage(route);
  if (open) {
    // the directory, a partner's profile, a shared transcript and a badge need no sign-in
    return html`<div class="shell public">
      <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header><span class="brand">PartnerHub</span>
        <nav aria-label="Public pages"><ul><li><a href="#/directory">Partner directory</a></li>
          <li><a href="#/">Sign in</a></li></ul></nav></header>
      <main id="main" tabindex="-1">${open}</main></div>`;
  }
  if (!claims) {
    return html`<${SignIn} ended=${!!ended} onSignedIn=${() => {
      const now = session.claims();
      if (!ended || ended.sub !== now.sub) location.hash = home(now); // the same person again: stay on the page
      setEnded(null);
      setClaims(now);
    }} />`;
  }
  const signOut = () => { session.signOut(); setClaims(null); setEnded(null); location.hash = ''; };
  return html`<div class="shell">
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
    <header>
      <span class="brand">PartnerHub</span>
      <span class="who" title=${claims.sub}>${claims.role}${claims.org ? ` · ${orgName || 'organisation ' + claims.org.slice(0, 8)}` : ''}</span>
      <button type="button" class="link" onClick=${signOut}>Sign out</button>
    </header>
    <${Nav} claims=${claims} route=${route} />
    <main id="main" tabindex="-1"><${Page} claims=${claims} route=${route} /></main>
  </div>`;
}

const root = document.getElementById('app');
root.textContent = ''; // drop the "Loading…" placeholder
render(html`<${App} />`, root);
