// The link to the native history host (io.consentlens.history, docs/native-host.md).
//
// Delivery is "exactly once" in the database: every event is first written to a queue in
// chrome.storage.local (it survives the worker being stopped and the browser restarting),
// then sent in `log` batches; an event leaves the queue only after the host's ok reply
// for its batch, which the host sends once the batch is durable. A lost reply means a
// resend, and the host stores an event_id only once, so resending is safe.
//
// One port is kept while there is work (queued events or page requests in flight) and
// closed after a quiet spell, so the host process does not linger. When the host is
// missing or exits, the browser's error is kept for the history page's diagnosis and the
// next attempt waits longer each time (capped), except when something asks for delivery
// now (a new event, the history page, the worker starting).
//
// Works in Firefox too: it provides connectNative under `chrome` and reports the error on
// port.error instead of runtime.lastError.

export const HOST_NAME = 'io.consentlens.history';
export const QUEUE_KEY = 'historyQueue';
export const STATUS_KEY = 'historyStatus';
// chrome.storage.local holds 10 MB without the unlimitedStorage permission; an event with its
// finding is 2-4 KB, so 1000 events stay well inside it with room for settings.
export const MAX_QUEUE = 1000;
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

// --- the queue, in chrome.storage.local -------------------------------------------------

// Every read-modify-write of the queue runs one after another: storage get/set is not
// atomic, and an event added while a batch is in flight must not be lost when the batch's
// events are removed.
let queueChain = Promise.resolve();
function withQueue(job) {
  const next = queueChain.then(async () => {
    const got = await api().storage.local.get(QUEUE_KEY);
    const q = normaliseQueue(got[QUEUE_KEY]);
    const out = await job(q);
    if (out && out.write) await api().storage.local.set({ [QUEUE_KEY]: q });
    return out ? out.value : undefined;
  });
  queueChain = next.catch(() => {});
  return next;
}

function normaliseQueue(raw) {
  const q = raw && typeof raw === 'object' ? raw : {};
  return {
    events: Array.isArray(q.events) ? q.events : [],
    dropped: Number.isInteger(q.dropped) ? q.dropped : 0,    // pushed out by the size bound
    rejected: Number.isInteger(q.rejected) ? q.rejected : 0, // refused by the host as malformed
  };
}

export function readQueue() {
  return withQueue((q) => ({ value: q }));
}

// Adds events and asks for delivery. Oldest events go first when the bound is reached: the
// newest are what the person is most likely to look for, and the count is shown.
export async function enqueue(events) {
  if (!events.length) return;
  await withQueue((q) => {
    q.events.push(...events);
    const over = q.events.length - MAX_QUEUE;
    if (over > 0) {
      q.events.splice(0, over);
      q.dropped += over;
    }
    return { write: true };
  });
  flushNow();
}

function removeDelivered(ids, rejected = 0) {
  const gone = new Set(ids);
  return withQueue((q) => {
    q.events = q.events.filter((e) => !gone.has(e.event_id));
    q.rejected += rejected;
    return { write: true, value: q.events.length };
  });
}

// --- status, for the history page -------------------------------------------------------

async function setStatus(next) {
  status = { ...status, ...next, at: new Date().toISOString() };
  try {
    await api().storage.session.set({ [STATUS_KEY]: status });
  } catch {
    // Storage is unavailable only while the browser shuts down.
  }
}

export function currentStatus() {
  return status;
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
// Never rejects.
export function request(body) {
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
  }).then((reply) => {
    if (reply.ok && status.state !== 'connected') {
      setStatus({ state: 'connected', error: null });
      // The host is back (a page request got through): deliver what waited, without
      // waiting out the backoff. Not for log replies, which are part of a delivery run.
      if (body.op !== 'log') flushNow();
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

// Sends events one by one, to find which of a refused batch the host calls malformed; those
// are dropped (counted as rejected) so one bad event cannot block the queue forever.
async function deliverSingly(batch) {
  for (const e of batch) {
    const reply = await request({ op: 'log', events: [e] });
    if (reply.ok) {
      await removeDelivered([e.event_id]);
      await setStatus({ delivered: (status.delivered || 0) + 1 });
    } else if (TRANSIENT.has(reply.error?.code)) return reply;
    else await removeDelivered([e.event_id], 1);
  }
  return { ok: true };
}

async function flushLoop() {
  for (;;) {
    const { events } = await readQueue();
    if (!events.length) break;
    const batch = takeBatch(events);
    let reply = await request({ op: 'log', events: batch });
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
  await setStatus({ queued: 0 });
  return true;
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
  failures += 1;
  retryTimer = setTimeout(() => { retryTimer = 0; flush(); }, wait);
}

// Delivers what is queued; resolves to true when the queue is empty afterwards. Concurrent
// calls share one run.
export function flush() {
  if (flushing) return flushing;
  flushing = flushLoop()
    .catch(() => false)
    .then(async (done) => {
      const q = await readQueue();
      await setStatus({ queued: q.events.length, dropped: q.dropped, rejected: q.rejected });
      flushing = null;
      if (rerun && q.events.length) {
        // The run that just ended may have started before the host was installed; the
        // caller asked for an attempt now, so make one.
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
