// User settings in chrome.storage.local (they survive restarts; nothing is synced anywhere).
// Shape: {sites: {<site id>: boolean}, card: boolean, jitsiDomains: string[]}.
import { SITES } from './sites.js';

export const DEFAULT_SETTINGS = Object.freeze({
  sites: Object.fromEntries(SITES.map((s) => [s.id, true])),
  card: true,
  jitsiDomains: [],
});

// Fills in missing or malformed fields, so a half-written or older record never breaks a reader.
export function normaliseSettings(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  const sites = {};
  for (const site of SITES) {
    sites[site.id] = typeof s.sites?.[site.id] === 'boolean' ? s.sites[site.id] : true;
  }
  const jitsiDomains = Array.isArray(s.jitsiDomains)
    ? s.jitsiDomains.filter((d) => typeof d === 'string').slice(0, 50)
    : [];
  return { sites, card: typeof s.card === 'boolean' ? s.card : true, jitsiDomains };
}

export async function loadSettings() {
  const { settings } = await chrome.storage.local.get('settings');
  return normaliseSettings(settings);
}

export async function saveSettings(settings) {
  await chrome.storage.local.set({ settings: normaliseSettings(settings) });
}
