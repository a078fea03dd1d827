// Per-tab findings, kept in chrome.storage.session: they survive the service worker being
// stopped (Chrome stops an idle worker after about 30 s) but never touch the disk and are
// gone when the browser closes. Only trusted extension pages can read this storage area
// (content scripts cannot, which is Chrome's default access level).
//
// Each record: {site, url, entries: [{id, seenAt, source, finding}]}; `finding` is exactly
// the engine's finding (docs/findings-contract.md), untouched.

const MAX_ENTRIES_PER_TAB = 50;  // a hostile page cannot grow our storage without bound
const key = (tabId) => `tab:${tabId}`;

// Updates of one tab run one after another, so two batches arriving together never lose
// each other's findings (storage get/set is not atomic).
const queues = new Map();
function serialise(tabId, job) {
  const prev = queues.get(tabId) || Promise.resolve();
  const next = prev.then(job, job);
  queues.set(tabId, next.catch(() => {}));
  return next;
}

// A stable id for "the same thing again": one active finding per kind and vendor in a tab.
// A recording shows up as a consent dialog, a banner and an icon label; the person needs to
// hear once that the meeting is recorded, not three times. The first one seen is kept (its
// evidence is what appeared first).
export function findingId(f) {
  const s = [f.kind, f.vendor].join('\u241f');
  let h = 0x811c9dc5;  // FNV-1a, 32 bit: an id, not a security boundary
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export async function getTab(tabId) {
  const got = await chrome.storage.session.get(key(tabId));
  return got[key(tabId)] || null;
}

async function setBadge(tabId, count) {
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await chrome.action.setBadgeText({ tabId, text: count ? String(count) : '' });
  } catch {
    // The tab closed between the message and the badge; nothing to show it on.
  }
}

// A new page in the tab's top frame: forget what the previous page showed.
export function resetTab(tabId, { site, url }) {
  return serialise(tabId, async () => {
    await setBadge(tabId, 0);
    await chrome.storage.session.set({ [key(tabId)]: { site, url, entries: [] } });
  });
}

// Adds findings not seen before in this tab. Resolves to {added, entries}.
export function addFindings(tabId, findings, { site, url, source }) {
  return serialise(tabId, async () => {
    const rec = (await getTab(tabId)) || { site, url, entries: [] };
    const known = new Set(rec.entries.map((e) => e.id));
    const added = [];
    for (const finding of findings) {
      const id = findingId(finding);
      if (known.has(id) || rec.entries.length >= MAX_ENTRIES_PER_TAB) continue;
      known.add(id);
      const entry = { id, seenAt: new Date().toISOString(), source, finding };
      rec.entries.push(entry);
      added.push(entry);
    }
    if (added.length) {
      // The badge first: whoever watches the storage for a change then finds the badge agreeing.
      await setBadge(tabId, rec.entries.length);
      await chrome.storage.session.set({ [key(tabId)]: rec });
    }
    return { added, entries: rec.entries };
  });
}

export function removeTab(tabId) {
  queues.delete(tabId);
  return chrome.storage.session.remove(key(tabId));
}
