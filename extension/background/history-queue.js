// The queue of history events waiting for the history helper, in the vault (history-vault.js),
// and what may enter it (see history-link.js for the whole path):
// - only events validateEvent accepts (history-events.js);
// - the same notice of the same meeting once per REPEAT_WINDOW_MS, across page reloads and
//   worker restarts, and the same answer to the same notice from a tab once;
// - at most RATE per tab and site: a page that clicks by script or reloads cannot flood it;
// - each tab holds at most TAB_SHARE events, and a full queue gives up the oldest event of the
//   tab holding the most: one tab cannot push another's events out.
// Every event that does not enter, or leaves without being delivered, is counted (COUNTERS).
import { validateEvent, sameEventKey } from './history-events.js';
import { vaultGet, vaultSet, vaultKind } from './history-vault.js';

const QUEUE_KEY = 'queue';
const RECENT_KEY = 'recent';
const LEGACY_QUEUE_KEY = 'historyQueue';  // where versions before the vault kept the queue
// An event with its finding is 2-4 KB: 1000 stay well inside any storage quota.
export const MAX_QUEUE = 1000;
export const TAB_SHARE = 250;
export const RATE = Object.freeze([{ windowMs: 60_000, max: 30 }, { windowMs: 3_600_000, max: 200 }]);
export const REPEAT_WINDOW_MS = 6 * 3600 * 1000;  // the host's own window (hello: repeat_window_ms)
export const COUNTERS = Object.freeze(['dropped', 'rejected', 'limited', 'repeats', 'expired']);
const MAX_RECENT = 5000;

const recentByTab = new Map();  // "tab|site" -> times of admitted events, for RATE

// Every read-modify-write of the queue runs one after another, so an event added while a batch
// is in flight is not lost when the batch's events are removed.
let queueChain = Promise.resolve();
function withQueue(job) {
  const next = queueChain.then(async () => {
    const q = normaliseQueue(await vaultGet(QUEUE_KEY));
    const recent = (await vaultGet(RECENT_KEY)) || {};
    const out = await job(q, recent);
    if (out && out.write) await vaultSet(QUEUE_KEY, q);
    if (out && out.recent) await vaultSet(RECENT_KEY, recent);
    return out ? out.value : undefined;
  });
  queueChain = next.catch(() => {});
  return next;
}

function normaliseQueue(raw) {
  const q = raw && typeof raw === 'object' ? raw : {};
  const out = {
    events: Array.isArray(q.events) ? q.events : [],
    owners: q.owners && typeof q.owners === 'object' ? q.owners : {},  // event_id -> tab key
  };
  for (const c of COUNTERS) out[c] = Number.isInteger(q[c]) ? q[c] : 0;
  return out;
}

export function readQueue() {
  return withQueue((q) => ({ value: q }));
}

// Moves a queue left in chrome.storage.local by an earlier version into the vault, once.
export async function migrateLegacyQueue() {
  const local = globalThis.chrome?.storage?.local;
  if (!local || (await vaultKind()) !== 'indexeddb') return;
  const got = await local.get(LEGACY_QUEUE_KEY);
  const old = got?.[LEGACY_QUEUE_KEY];
  if (!old) return;
  await withQueue((q) => {
    const events = Array.isArray(old.events) ? old.events : [];
    q.events.unshift(...events.filter((e) => validateEvent(e).ok));
    q.dropped += Number.isInteger(old.dropped) ? old.dropped : 0;
    return { write: true };
  });
  await local.remove(LEGACY_QUEUE_KEY);
}

function rateAllows(tabKey, site, nowMs) {
  const key = `${tabKey}|${site}`;
  const longest = RATE[RATE.length - 1].windowMs;
  const times = (recentByTab.get(key) || []).filter((t) => nowMs - t < longest);
  const ok = RATE.every((r) => times.filter((t) => nowMs - t < r.windowMs).length < r.max);
  if (ok) times.push(nowMs);
  recentByTab.set(key, times);
  return ok;
}

function forgetOld(recent, nowMs) {
  const keys = Object.keys(recent);
  for (const k of keys) if (nowMs - recent[k] >= REPEAT_WINDOW_MS) delete recent[k];
  const left = Object.keys(recent);
  if (left.length > MAX_RECENT) {
    left.sort((a, b) => recent[a] - recent[b]);
    for (const k of left.slice(0, left.length - MAX_RECENT)) delete recent[k];
  }
}

// Makes room for one event of `tabKey`: its own oldest when it holds its share, else the oldest
// of the tab holding the most.
function makeRoom(q, tabKey) {
  const count = new Map();
  for (const e of q.events) {
    const owner = q.owners[e.event_id] ?? '';
    count.set(owner, (count.get(owner) || 0) + 1);
  }
  let victim = null;
  if ((count.get(tabKey) || 0) >= TAB_SHARE) victim = tabKey;
  else if (q.events.length >= MAX_QUEUE) victim = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
  if (victim === null) return;
  const i = q.events.findIndex((e) => (q.owners[e.event_id] ?? '') === victim);
  const [gone] = q.events.splice(i, 1);
  delete q.owners[gone.event_id];
  q.dropped += 1;
}

export function removeDelivered(ids, counter = null) {
  const gone = new Set(ids);
  return withQueue((q) => {
    q.events = q.events.filter((e) => !gone.has(e.event_id));
    for (const id of ids) delete q.owners[id];
    if (counter) q[counter] += ids.length;
    return { write: true, value: q.events.length };
  });
}

// What may be sent now: each event validated again, none older than the host's retention
// (`retentionDays`, 0: keep everything); the others leave the queue, counted.
export async function sendable(events, retentionDays) {
  const days = Number.isInteger(retentionDays) ? retentionDays : 0;
  const cutoff = days > 0 ? Date.now() - days * 86_400_000 : -Infinity;
  const good = [];
  const invalid = [];
  const expired = [];
  for (const e of events) {
    const checked = validateEvent(e);
    if (!checked.ok) invalid.push(e?.event_id);
    else if (Date.parse(checked.value.at) < cutoff) expired.push(e.event_id);
    else good.push(checked.value);
  }
  if (invalid.length) await removeDelivered(invalid, 'rejected');
  if (expired.length) await removeDelivered(expired, 'expired');
  return good;
}

// Admits events (each checked, de-duplicated, rate-limited, given room); resolves to how many
// were queued. `tabId`: the tab they come from; without one, each site counts as one tab.
export function admit(events, { tabId } = {}) {
  const nowMs = Date.now();
  return withQueue((q, recent) => {
    forgetOld(recent, nowMs);
    let n = 0;
    events.forEach((raw, i) => {
      const checked = validateEvent(raw, `events[${i}]`);
      if (!checked.ok) { q.rejected += 1; return; }
      const e = checked.value;
      const tabKey = Number.isInteger(tabId) ? `tab:${tabId}` : `site:${e.site}`;
      const same = sameEventKey(e, tabKey);
      if (recent[same] !== undefined && nowMs - recent[same] < REPEAT_WINDOW_MS) { q.repeats += 1; return; }
      if (!rateAllows(tabKey, e.site, nowMs)) { q.limited += 1; return; }
      recent[same] = nowMs;
      makeRoom(q, tabKey);
      q.events.push(e);
      q.owners[e.event_id] = tabKey;
      n += 1;
    });
    return { write: true, recent: true, value: n };
  });
}

// Empties the queue; resolves to how many events it held.
export function clearQueued() {
  return withQueue((q) => {
    const n = q.events.length;
    q.events = [];
    q.owners = {};
    return { write: n > 0, value: n };
  });
}
