// The meeting sites consentlens watches, read from the one sites file
// (core/contract/sites.json, written into shared/site-table.js by scripts/gen-sites.py at
// build time, which also writes the manifest's content-script matches from it). Used by the
// background (which site sent a message, which meeting a page is), the options page (per-site
// switches) and the self-hosted registration.
import './site-table.js';

const T = globalThis.consentlensSites;
if (!T) throw new Error('sites.js: shared/site-table.js did not load (build the extension with scripts/build-extension.sh)');

export const SITES = T.sites;
export const SELF_HOSTED = T.self_hosted;

const BY_ID = new Map(SITES.map((s) => [s.id, s]));
const MEETING = new Map(SITES.filter((s) => s.meeting).map((s) => [s.id, new RegExp(s.meeting, 'i')]));

export function siteById(id) {
  return BY_ID.get(id) || null;
}

function hostMatches(pattern, host) {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith('.' + base);
  }
  return host === pattern;
}

// Which site a page host belongs to; self-hosted servers come from the settings.
export function siteForHost(host, jitsiDomains = []) {
  const h = String(host || '').toLowerCase();
  for (const site of SITES) {
    if (site.hosts.some((p) => hostMatches(p, h))) return site;
  }
  if (jitsiDomains.includes(h)) return BY_ID.get(SELF_HOSTED[0]?.site || 'jitsi');
  return null;
}

// Which meeting a page is: its origin and the part of its path that names the meeting (the
// site's `meeting` expression), else its whole path. The query and fragment never count: they
// carry passwords and tokens, and a client changes them within one meeting. Two URLs with the
// same key are the same meeting; a change of key (another meeting, or out of it) starts afresh.
export function meetingKey(siteId, pageUrl) {
  let u;
  try {
    u = new URL(pageUrl);
  } catch {
    return '';
  }
  const m = MEETING.get(siteId)?.exec(u.pathname);
  return `${u.origin}${m ? `/${m[1].toLowerCase()}` : u.pathname}`;
}

// A host name a user may add as a self-hosted server: letters, digits, dots and hyphens, at
// least one dot, no scheme, port or path (the permission asked is https://HOST/*).
export function normaliseDomain(input) {
  const d = String(input || '').trim().toLowerCase().replace(/\.$/, '');
  if (d.length > 253 || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/.test(d)) {
    return null;
  }
  return d;
}
