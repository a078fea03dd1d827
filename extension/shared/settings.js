// User settings in chrome.storage.local (they survive restarts; nothing is synced anywhere).
// Shape: {sites: {<site id>: boolean}, card: boolean, jitsiDomains: string[],
//         history: {enabled: boolean, pageTitle: boolean, meeting: 'hash' | 'url' | 'none'}}.
// A site missing from `sites` is on: only switches the person turned off are stored as false,
// so this module needs no site list (and a site added later starts on).

// What the local history records about a meeting. The page title can name people or
// projects, so it is kept only when the person turns it on; the meeting link can carry a
// join token, so by default only its keyed fingerprint (HMAC-SHA-256 under a per-install
// secret) is kept: enough to group one meeting's events, not enough to rejoin it or to find
// the link by trying every meeting number.
export const MEETING_MODES = Object.freeze(['hash', 'url', 'none']);
export const DEFAULT_HISTORY = Object.freeze({ enabled: true, pageTitle: false, meeting: 'hash' });

export const DEFAULT_SETTINGS = Object.freeze({
  sites: {},
  card: true,
  jitsiDomains: [],
  history: DEFAULT_HISTORY,
});

// Whether a site is switched on.
export const siteOn = (settings, siteId) => settings.sites[siteId] !== false;

// Fills in missing or malformed fields, so a half-written or older record never breaks a reader.
export function normaliseSettings(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  const sites = {};
  if (s.sites && typeof s.sites === 'object') {
    for (const [id, on] of Object.entries(s.sites)) {
      if (/^[a-z][a-z0-9_]{0,40}$/.test(id) && typeof on === 'boolean') sites[id] = on;
    }
  }
  const jitsiDomains = Array.isArray(s.jitsiDomains)
    ? s.jitsiDomains.filter((d) => typeof d === 'string').slice(0, 50)
    : [];
  const h = s.history && typeof s.history === 'object' ? s.history : {};
  const history = {
    enabled: typeof h.enabled === 'boolean' ? h.enabled : DEFAULT_HISTORY.enabled,
    pageTitle: typeof h.pageTitle === 'boolean' ? h.pageTitle : DEFAULT_HISTORY.pageTitle,
    meeting: MEETING_MODES.includes(h.meeting) ? h.meeting : DEFAULT_HISTORY.meeting,
  };
  return { sites, card: typeof s.card === 'boolean' ? s.card : true, jitsiDomains, history };
}

export async function loadSettings() {
  const { settings } = await chrome.storage.local.get('settings');
  return normaliseSettings(settings);
}

export async function saveSettings(settings) {
  await chrome.storage.local.set({ settings: normaliseSettings(settings) });
}
