// The meeting sites consentlens watches, and the vendor hint each gives the engine.
// One table, used by the background (which site sent a message), the options page
// (per-site switches) and the build (nothing else lists hosts). The content script match
// patterns in manifest.json must list the same hosts: tests/e2e/manifest.test.mjs checks.

export const SITES = [
  { id: 'zoom', label: 'Zoom web client', vendor: 'zoom', hosts: ['app.zoom.us', '*.zoom.us'] },
  { id: 'google_meet', label: 'Google Meet', vendor: 'google_meet', hosts: ['meet.google.com'] },
  { id: 'teams', label: 'Microsoft Teams', vendor: 'teams', hosts: ['teams.microsoft.com', 'teams.live.com'] },
  { id: 'webex', label: 'Webex', vendor: 'webex', hosts: ['*.webex.com'] },
  { id: 'jitsi', label: 'Jitsi Meet', vendor: 'jitsi', hosts: ['meet.jit.si', '8x8.vc'] },
  { id: 'whereby', label: 'Whereby', vendor: 'whereby', hosts: ['whereby.com'] },
];

const BY_ID = new Map(SITES.map((s) => [s.id, s]));

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

// Which site a page host belongs to; self-hosted Jitsi domains come from the settings.
export function siteForHost(host, jitsiDomains = []) {
  const h = String(host || '').toLowerCase();
  for (const site of SITES) {
    if (site.hosts.some((p) => hostMatches(p, h))) return site;
  }
  if (jitsiDomains.includes(h)) return BY_ID.get('jitsi');
  return null;
}

// A host name a user may add as a self-hosted Jitsi instance: letters, digits, dots and
// hyphens, at least one dot, no scheme, port or path (the permission asked is https://HOST/*).
export function normaliseDomain(input) {
  const d = String(input || '').trim().toLowerCase().replace(/\.$/, '');
  if (d.length > 253 || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/.test(d)) {
    return null;
  }
  return d;
}
