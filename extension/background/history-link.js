// The link to the native history host (io.consentlens.history, docs/native-host.md).
//
// Delivery is "exactly once" in the database: every event is first written to a queue in the
// history vault (history-vault.js: it survives the worker being stopped and the browser
// restarting, and no content script can read or change it), then sent in `log` batches; an event
// leaves the queue only after the host's ok reply for its batch, which the host sends once the
// batch is settled (durable, or counted as a duplicate, repeat, expired or over quota). A lost
// reply means a resend, and the host stores an event_id only once, so resending is safe.
//
// What may enter the queue is decided in history-queue.js (valid, not a repeat, within the rate
// and the tab's share), and only while the history is on: turning it off empties the queue.
// Before sending, every event is validated again and events older than the host's retention
// are dropped (counted), so the queue holds to the retention too.
//
// One port is kept while there is work and closed after a quiet spell, so the host process does
// not linger. When the host is missing or exits, the browser's error is kept for the diagnosis
// (shared/host-diagnosis.js) and the next attempt waits longer each time (capped), except when
// something asks for delivery now (a new event, the history page, the worker starting).
//
// Works in Firefox too: it provides connectNative under `chrome` and reports the error on
// port.error instead of runtime.lastError.
import { vaultGet, vaultSet, vaultKind } from './history-vault.js';
import { admit, clearQueued, readQueue, removeDelivered, sendable, migrateLegacyQueue, COUNTERS } from './history-queue.js';
import { loadSettings } from '../shared/settings.js';

export { readQueue, MAX_QUEUE, TAB_SHARE, RATE, REPEAT_WINDOW_MS } from './history-queue.js';

export const HOST_NAME = 'io.consentlens.history';
export const STATUS_KEY = 'historyStatus';
const LINK_KEY = 'link';
const BATCH_EVENTS = 100;
const BATCH_BYTES = 1 << 20;       // far below the host's 8 MiB inbound cap
const REQUEST_TIMEOUT_MS = 30000;  // a durable write takes milliseconds; this is a dead host
const IDLE_CLOSE_MS = 15000;
const BACKOFF_MS = [1000, 2000, 5000, 15000, 60000, 300000];
// Replies that say the host is there but cannot take this batch now: wait and retry.
const TRANSIENT = new Set(['unreachable', 'timeout', 'storage', 'forbidden']);

const api = () => globalThis.chrome;

let port = null;
let nextRequestId = 1;
const pending = new Map();  // request id -> {resolve, timer}
let failures = 0;
let retryTimer = 0;
let idleTimer = 0;
let flushing = null;
let rerun = false;  // delivery was asked for while a run was already under way
let status = { state: 'unknown', error: null, at: null };

// --- storage protection -----------------------------------------------------------------

// In Chromium, chrome.storage.local is readable and writable by content scripts unless limited
// to the extension's own pages (the settings live there). Firefox has no such switch; what must
// stay out of a page's reach is in the vault instead.
export function protectStorage() {
  const local = api()?.storage?.local;
  if (!local || typeof local.setAccessLevel !== 'function') return Promise.resolve(false);
  return Promise.resolve(local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })).then(() => true, () => false);
}

// --- the queue -------------------------------------------------------------------------

// Admits events into the queue (history-queue.js) and asks for delivery. `tabId`: the tab the
// events come from; without one, each site counts as one tab. Resolves to how many were queued.
export async function enqueue(events, { tabId } = {}) {
  if (!events.length) return 0;
  if (!(await loadSettings()).history.enabled) {
    await clearQueue();
    return 0;
  }
  const queued = await admit(events, { tabId });
  flushNow();
  return queued;
}

// Empties the queue (the history was switched off): nothing of it is ever sent.
export async function clearQueue() {
  const had = await clearQueued();
  await setStatus({ queued: 0 });
  return had;
}

// --- status, for the history page, the popup and the options page ------------------------

async function setStatus(next) {
  status = { ...status, ...next, at: new Date().toISOString() };
  try {
    await api().storage.session.set({ [STATUS_KEY]: status });
  } catch {
    // Storage is unavailable only while the browser shuts down.
  }
}

// The link's state and the queue's counts: {state: 'unknown' | 'connected' | 'unreachable',
// error, queued, dropped, rejected, limited, repeats, expired, lastConnectedAt, delivered, ...}.
// Also kept in chrome.storage.session under STATUS_KEY for the extension's pages.
export function currentStatus() {
  return status;
}

async function learnFromHost(reply) {
  const link = (await vaultGet(LINK_KEY)) || {};
  link.lastConnectedAt = new Date().toISOString();
  if (Number.isInteger(reply?.retention_days)) link.retentionDays = reply.retention_days;
  await vaultSet(LINK_KEY, link);
  await setStatus({ lastConnectedAt: link.lastConnectedAt, retentionDays: link.retentionDays ?? null });
}

// --- the port ---------------------------------------------------------------------------

function failAll(error) {
  for (const [id, req] of pending) {
    clearTimeout(req.timer);
    req.resolve({ id, ok: false, error: { code: 'unreachable', message: error } });
  }
  pending.clear();
}

function connect() {
  if (port) return port;
  let p;
  try {
    p = api().runtime.connectNative(HOST_NAME);
  } catch (err) {
    // Firefox throws at once when the permission is missing; Chromium reports through onDisconnect.
    const message = String(err?.message || err);
    setStatus({ state: 'unreachable', error: message });
    throw new Error(message);
  }
  port = p;
  p.onMessage.addListener((reply) => {
    const req = reply && pending.get(reply.id);
    if (!req) return;  // a reply to a request that already timed out
    pending.delete(reply.id);
    clearTimeout(req.timer);
    req.resolve(reply);
    scheduleIdleClose();
  });
  p.onDisconnect.addListener((gone) => {
    const error = api().runtime.lastError?.message || gone?.error?.message || 'Native host has exited.';
    if (port === p) port = null;
    failAll(error);
    setStatus({ state: 'unreachable', error });
  });
  return p;
}

function scheduleIdleClose() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (port && pending.size === 0 && !flushing) {
      const p = port;
      port = null;
      p.disconnect();  // the host sees EOF on stdin and exits
    }
  }, IDLE_CLOSE_MS);
}

// Sends one request ({op, ...}); resolves to the host's reply, or to
// {ok: false, error: {code: 'unreachable' | 'timeout', message}} when it cannot be had.
// Never rejects. `delivery`: the request is part of a delivery run (flush), which must not start
// another when the host answers.
export function request(body, { delivery = false } = {}) {
  return new Promise((resolve) => {
    let p;
    try {
      p = connect();
    } catch (err) {
      resolve({ ok: false, error: { code: 'unreachable', message: String(err?.message || err) } });
      return;
    }
    const id = `x${nextRequestId++}`;
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ id, ok: false, error: { code: 'timeout', message: 'The history helper did not answer in time.' } });
    }, REQUEST_TIMEOUT_MS);
    pending.set(id, { resolve, timer });
    clearTimeout(idleTimer);
    try {
      p.postMessage({ ...body, id });
    } catch (err) {
      pending.delete(id);
      clearTimeout(timer);
      resolve({ id, ok: false, error: { code: 'unreachable', message: String(err?.message || err) } });
    }
  }).then(async (reply) => {
    if (reply.ok && body.op === 'hello') await learnFromHost(reply);
    if (reply.ok && status.state !== 'connected') {
      await setStatus({ state: 'connected', error: null });
      if (body.op !== 'hello') await learnFromHost(null);
      // The host is back (a page request got through): deliver what waited, without waiting out
      // the backoff.
      if (!delivery) flushNow();
    }
    return reply;
  });
}

// --- delivery ---------------------------------------------------------------------------

function takeBatch(events) {
  const batch = [];
  let bytes = 0;
  for (const e of events) {
    const size = JSON.stringify(e).length;
    if (batch.length && (batch.length >= BATCH_EVENTS || bytes + size > BATCH_BYTES)) break;
    batch.push(e);
    bytes += size;
  }
  return batch;
}

// Sends events one by one, to find which of a refused batch the host calls malformed; those are
// dropped (counted as rejected) so one bad event cannot block the queue forever.
async function deliverSingly(batch) {
  for (const e of batch) {
    const reply = await request({ op: 'log', events: [e] }, { delivery: true });
    if (reply.ok) {
      await removeDelivered([e.event_id]);
      await setStatus({ delivered: (status.delivered || 0) + 1 });
    } else if (TRANSIENT.has(reply.error?.code)) return reply;
    else await removeDelivered([e.event_id], 'rejected');
  }
  return { ok: true };
}

async function flushLoop() {
  if (!(await loadSettings()).history.enabled) {
    await clearQueue();
    return true;
  }
  if (status.state !== 'connected') {
    const hello = await request({ op: 'hello', client: 'history-link' }, { delivery: true });
    if (!hello.ok && TRANSIENT.has(hello.error?.code)) return false;
  }
  for (;;) {
    const { events } = await readQueue();
    if (!events.length) break;
    const link = (await vaultGet(LINK_KEY)) || {};
    const batch = await sendable(takeBatch(events), link.retentionDays);
    if (!batch.length) continue;
    let reply = await request({ op: 'log', events: batch }, { delivery: true });
    if (reply.ok) {
      await removeDelivered(batch.map((e) => e.event_id));
      // Counted since the worker started: the tests wait on it instead of sleeping.
      await setStatus({ lastDeliveredAt: new Date().toISOString(), delivered: (status.delivered || 0) + batch.length });
      continue;
    }
    if (!TRANSIENT.has(reply.error?.code)) reply = await deliverSingly(batch);
    if (!reply.ok) return false;
  }
  failures = 0;
  return true;
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
  failures += 1;
  retryTimer = setTimeout(() => { retryTimer = 0; flush(); }, wait);
}

async function publishQueue() {
  const q = await readQueue();
  const counts = Object.fromEntries(COUNTERS.map((c) => [c, q[c]]));
  await setStatus({ queued: q.events.length, ...counts, store: await vaultKind() });
  return q;
}

// Delivers what is queued; resolves to true when the queue is empty afterwards. Concurrent calls
// share one run.
export function flush() {
  if (flushing) return flushing;
  flushing = flushLoop()
    .catch(() => false)
    .then(async (done) => {
      const q = await publishQueue();
      flushing = null;
      if (rerun && q.events.length) {
        // The run that just ended may have started before the host was installed; the caller
        // asked for an attempt now, so make one.
        rerun = false;
        return flush();
      }
      rerun = false;
      if (!done || q.events.length) scheduleRetry();
      else scheduleIdleClose();
      return done && q.events.length === 0;
    });
  return flushing;
}

// Something happened that makes the host worth trying at once (a new event, the history page
// opening, the worker starting): skip the rest of the backoff.
export function flushNow() {
  clearTimeout(retryTimer);
  retryTimer = 0;
  failures = 0;
  if (flushing) rerun = true;
  return flush();
}

// --- at start ----------------------------------------------------------------------------

// Registered when the background loads, synchronously: switching the history off in the options
// empties the queue at once, even while no event is being added.
if (api()?.storage?.onChanged) {
  api().storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings && changes.settings.newValue?.history?.enabled === false) clearQueue();
  });
}
protectStorage();
migrateLegacyQueue().catch(() => {});
