// Reads the extension's state the way its own pages do: from chrome.storage.session, inside
// the service worker. Waits are event-driven (storage.onChanged), never fixed sleeps.

// Resolves to the tab's record ({tabId, site, url, entries}) once it has every kind in
// want.kinds on now, at least want.minEntries entries on now, every text of want.quotes in
// some finding's evidence, and (want.badge) exactly that many on now. (A declarative condition: the worker's
// CSP forbids compiling a function from a string there.)
export async function waitForTabRecord(worker, pageUrl, want = {}, timeoutMs = 15000) {
  return worker.evaluate(tabRecordWhen, { pageUrl, want, timeoutMs });
}

// The wait itself, run inside an extension context (the worker here; an extension page in
// Firefox, tests/e2e/lib/firefox.mjs), where chrome.storage.session can be read.
export async function tabRecordWhen({ pageUrl, want, timeoutMs }) {
  const on = (rec) => rec.entries.filter((e) => e.on && (e.state === 'active' || e.state === 'possible'));
  const check = (rec) => (want.kinds || []).every((k) => on(rec).some((e) => e.finding.kind === k)) &&
    on(rec).length >= (want.minEntries || 0) &&
    (want.quotes || []).every((q) => rec.entries.some((e) => e.finding.evidence.text.includes(q))) &&
    (want.badge === undefined || on(rec).length === want.badge) &&
    (want.stopped || []).every((k) => rec.entries.some((e) => e.finding.kind === k && !e.on));
  const find = async () => {
    const all = await chrome.storage.session.get(null);
    for (const [key, rec] of Object.entries(all)) {
      if (key.startsWith('tab:') && rec.url === pageUrl && check(rec)) return { tabId: Number(key.slice(4)), ...rec };
    }
    return null;
  };
  const now = await find();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(async () => {
      chrome.storage.session.onChanged.removeListener(onChange);
      const all = await chrome.storage.session.get(null);
      reject(new Error(`timed out waiting for ${pageUrl}; storage: ${JSON.stringify(all).slice(0, 2000)}`));
    }, timeoutMs);
    async function onChange() {
      const rec = await find();
      if (rec) {
        clearTimeout(timer);
        chrome.storage.session.onChanged.removeListener(onChange);
        resolve(rec);
      }
    }
    chrome.storage.session.onChanged.addListener(onChange);
  });
}

// Waits until the tab's findings include every kind listed.
export function waitForKinds(worker, pageUrl, kinds, timeoutMs) {
  return waitForTabRecord(worker, pageUrl, { kinds }, timeoutMs);
}

export function badgeText(worker, tabId) {
  return worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
}

export async function openPopup(context, extensionId, tabId) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tabId}`);
  return page;
}

// The history events waiting in the queue (no history host in these tests), once `want` holds:
// want.counts is [{type, choice?, kind?, n}], each the least number of matching events.
// Run in an extension context (the worker, or an extension page). The queue is in the history
// vault (IndexedDB of the extension's origin, background/history-vault.js), which sends no change
// events; every change of the queue is followed by the history link publishing its status in
// session storage, so that is what is listened to (no polling, no sleeps).
export async function queueWhen({ want, timeoutMs }) {
  const matches = (e, c) => e.type === c.type && (!c.choice || e.choice === c.choice) && (!c.kind || e.finding?.kind === c.kind);
  const holds = (events) => want.counts.every((c) => events.filter((e) => matches(e, c)).length >= c.n);
  // Where IndexedDB cannot be opened the vault keeps the queue in storage.local ("vault:queue").
  const fromLocal = async () => (await chrome.storage.local.get('vault:queue'))['vault:queue']?.events || [];
  const read = () => new Promise((resolve) => {
    const open = indexedDB.open('consentlens-history', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('vault');
    open.onerror = () => resolve(fromLocal());
    open.onsuccess = () => {
      const get = open.result.transaction('vault').objectStore('vault').get('queue');
      get.onsuccess = () => { const q = get.result; open.result.close(); resolve(q ? q.events || [] : fromLocal()); };
      get.onerror = () => resolve(fromLocal());
    };
  });
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn) => { done = true; clearTimeout(timer); chrome.storage.onChanged.removeListener(onChange); fn(); };
    const timer = setTimeout(async () => {
      const events = await read();
      finish(() => reject(new Error(`history queue never held ${JSON.stringify(want)}: ${JSON.stringify(events.map((e) => [e.type, e.choice, e.finding?.kind]))}`)));
    }, timeoutMs);
    async function look() {
      const events = await read();
      if (!done && holds(events)) finish(() => resolve(events));
    }
    function onChange(changes, area) {
      if (area === 'session' && changes.historyStatus) look();
    }
    // The listener first, so a change between it and the first look is not missed.
    chrome.storage.onChanged.addListener(onChange);
    look();
  });
}

// The events waiting in the history vault's queue now. Run in an extension context.
export function readQueue(ctx) {
  return ctx.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('consentlens-history', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('vault');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('vault').objectStore('vault').get('queue');
      get.onsuccess = () => { resolve(get.result?.events || []); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
}

export function waitForQueue(ctx, counts, timeoutMs = 15000) {
  return ctx.evaluate(queueWhen, { want: { counts }, timeoutMs });
}
