// consentlens background (Chromium: module service worker; Firefox: module background script).
// Every listener is registered synchronously at the top level, so a notice that wakes a
// stopped worker is delivered. The engine (engine-host.js) is kept ready while a meeting tab is
// watched: in an offscreen document in Chromium, in this background in Firefox.
// This file and everything it imports make no network request: the engine's wasm is a file
// inside the extension, and nothing else is fetched.
import './shared/contract.js';
import { analyze, warmEngine, restEngine } from './background/engine-host.js';
import { validateContentMessage, validateSender, validatePageMessage, isOwnPage } from './background/validate.js';
import {
  observe, resetTab, removeTab, getTab, getMeeting, cardView, markAnswered, addPending, takePending, updateMeeting, countsNow,
  watchedTabs,
} from './background/tab-store.js';
import { enqueue, flush, flushNow, request, readQueue, currentStatus } from './background/history-link.js';
import { findingShownEvent, choiceEvent, findingsInDialog } from './background/history-events.js';
import { makeLimiter } from './background/rate-limit.js';
import { SITES, siteForHost, siteById, meetingKey } from './shared/sites.js';
import { loadSettings, saveSettings, siteOn } from './shared/settings.js';
import { syncJitsiScripts } from './shared/jitsi-scripts.js';

const C = globalThis.consentlensContract;
// Where a text came from says what the engine is told it is (`as`) and whose words it is
// (`speaks`): the client's own UI speaks for the meeting; a chat line only when a bot or app
// announces itself; live captions never.
const SOURCE = Object.fromEntries(C.tables.item_sources.map((e) => [e.id, e]));

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message || err) }));
  return true;  // the reply is asynchronous
});

chrome.tabs.onRemoved.addListener((tabId) => {
  pushedSeq.delete(tabId);
  removeTab(tabId).then(async () => {
    if ((await watchedTabs()) === 0) await restEngine();  // the last meeting tab closed
  }).catch(() => {});
});

// A worker that starts during a meeting (Chromium stopped the last one when it was idle) makes
// sure the engine is there before the next notice, and says how it is.
watchedTabs().then((n) => (n > 0 ? warmEngine() : undefined)).catch(() => {});

// Registered scripts for self-hosted Jitsi persist, but a permission revoked in the browser's
// own UI must also stop the script there; reconcile at install, update and start-up.
async function reconcileJitsi() {
  const settings = await loadSettings();
  await syncJitsiScripts(settings.jitsiDomains);
}
chrome.runtime.onInstalled.addListener(() => { reconcileJitsi().catch(() => {}); });
chrome.runtime.onStartup.addListener(() => { reconcileJitsi().catch(() => {}); });
chrome.permissions.onRemoved.addListener(() => { reconcileJitsi().catch(() => {}); });

// A site or the card switched off or on (options page, popup, card) applies at once, in every
// open tab of that site: no reload needed.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.settings) applySettings(changes.settings.oldValue, changes.settings.newValue).catch(() => {});
});

// Events queued while the host was missing, or while the worker was stopped, go out as soon
// as the worker runs again.
flush();

async function handle(message, sender) {
  if (isOwnPage(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return handlePage(message);
  const from = validateSender(sender, chrome.runtime.id);
  if (!from.ok) return from;
  const msg = validateContentMessage(message);
  if (!msg.ok) return msg;

  const settings = await loadSettings();
  const site = siteForHost(from.host, settings.jitsiDomains);
  // A content script on a host we do not know can only be a stale registration: ignore it.
  if (!site) return { ok: false, error: 'sender: not a meeting site consentlens watches' };
  const enabled = siteOn(settings, site.id);
  const meeting = meetingKey(site.id, from.url);  // at a page load sender.url is the page's address
  const m = msg.value;

  if (m.type === 'hello') {
    // A meeting page opened (its top frame says so once; its frames too): its first notice should not wait.
    if (enabled && from.frameId === 0) warmEngine();
    const gen = from.frameId === 0 ? await resetTab(from.tabId, { site: site.id, url: from.url, meeting }) : undefined;
    return { ok: true, enabled, card: settings.card, gen, view: await viewOf(from.tabId) };
  }
  if (m.type === 'navigated') return navigated(from, m.url, site);
  if (!enabled) return { ok: true, added: 0 };
  if (m.type === 'choice') return m.ids ? cardChoice(from, m, settings) : recordDialogChoice(from, m, settings);
  if (m.type === 'card') return cardAction(from, m, site);
  return notices(from, m.items, { site, settings, gen: from.frameId === 0 ? m.gen : undefined });
}

// The top frame moved within its page. Another meeting (or none) starts afresh; the same
// meeting (a new query or fragment) goes on. The address must stay on the sender's origin.
async function navigated(from, url, site) {
  if (from.frameId !== 0) return { ok: true, reset: false };
  let next;
  try {
    next = new URL(url);
  } catch {
    return { ok: false, error: 'navigated.url: not an address' };
  }
  if (next.origin !== new URL(from.url).origin) return { ok: false, error: 'navigated.url: not on the page\'s origin' };
  const meeting = meetingKey(site.id, next.href);
  const rec = await getTab(from.tabId);
  if (rec && rec.meeting === meeting) return { ok: true, reset: false };
  const gen = await resetTab(from.tabId, { site: site.id, url: next.href, meeting });
  return { ok: true, reset: true, gen, view: await viewOf(from.tabId) };
}

async function notices(from, items, { site, settings, gen }) {
  let added = 0;
  let changed = false;
  const stopped = [];
  const shown = [];
  const turnedOn = [];  // per text, the entries that came on (a choice made before may await them)
  let latest = null;    // the tab and meeting records as the last update left them
  for (const item of items) {
    const src = SOURCE[item.source];
    if (!src || src.speaks === 'nobody') continue;
    let findings;
    try {
      findings = await analyze(item.text, { url: from.url, vendor: site.vendor, as: src.as || undefined });
    } catch (err) {
      return { ok: false, error: `engine: ${err?.message || err}` };
    }
    // A participant's chat line is their own words: only a bot or app announcing itself
    // speaks for the meeting from the chat.
    if (src.speaks === 'bots') findings = findings.filter((f) => f.kind === 'notetaker_bot');
    if (!findings.length) continue;
    const res = await observe(from.tabId, findings, { site: site.id, url: from.url, source: item.source, gen });
    if (res.meeting) latest = res;
    if (!res.changed) continue;
    changed = true;
    added += res.turnedOn.length;
    stopped.push(...res.stopped);
    shown.push(...res.shown);
    if (res.turnedOn.length) turnedOn.push(res.turnedOn);
  }
  // One message to the card and one batch of events per batch of texts, not one per text.
  // The card first: a person is waiting for it; the bookkeeping can follow.
  if (changed && settings.card) await pushView(from.tabId, stopped, latest);
  for (const entries of turnedOn) await answerPending(from, entries, settings);
  if (shown.length) await recordShown(from, shown, settings);
  return { ok: true, added };
}

async function viewOf(tabId, stopped = []) {
  const rec = await getTab(tabId);
  if (!rec) return { entries: [], stopped: [] };
  return cardView(rec, await getMeeting(rec.meeting), stopped);
}

// The card is always drawn by the top frame, even when the notice came from an iframe.
// `latest` ({rec, meeting}) is what the update just made: the view is drawn from it rather
// than read back from storage, which is the same records a few milliseconds later (updates
// of a tab run in order, so a later update pushes its own, newer view after this one).
// The newest update each tab's card was drawn from: texts of one tab are analysed concurrently,
// and a batch that finished its last update before another batch's may reach this point after
// it; its own records are then older than the card already sent, so the card is drawn from the
// stored records instead.
const pushedSeq = new Map();

async function pushView(tabId, stopped = [], latest = null) {
  try {
    const fresh = latest && latest.seq > (pushedSeq.get(tabId) || 0);
    if (fresh) pushedSeq.set(tabId, latest.seq);
    const view = fresh ? cardView(latest.rec, latest.meeting, stopped) : await viewOf(tabId, stopped);
    await chrome.tabs.sendMessage(tabId, { type: 'card', view }, { frameId: 0 });
  } catch {
    // The top frame has no content script (navigated away or disabled); the badge remains.
  }
}

// --- what the person did ---------------------------------------------------------------

// Dismiss and Details on the card, with the ids of the findings it showed. Dismiss also hides
// them for this meeting until something of another kind comes, or they stop and start again.
async function cardChoice(from, m, settings) {
  const rec = await getTab(from.tabId);
  if (!rec) return { ok: true, recorded: 0, view: { entries: [], stopped: [] } };
  const ids = m.ids.filter((id) => rec.entries.some((e) => e.id === id && countsNow(e)));
  if (m.choice === 'dismissed') await updateMeeting(from.tabId, { dismiss: ids });
  const recorded = await recordEvents(from, m.choice, rec.entries.filter((e) => ids.includes(e.id)), settings);
  return { ok: true, recorded, view: await viewOf(from.tabId) };
}

// Mute this meeting, pause this site: from the card, applied at once.
async function cardAction(from, m, site) {
  if (m.action === 'mute') await updateMeeting(from.tabId, { muted: true });
  else if (m.action === 'pause') await setSite(site.id, false);
  return { ok: true, view: await viewOf(from.tabId) };
}

// The local history (docs/native-host.md): what an event says about the meeting, per the
// person's history settings. The title comes from the top frame's content script, and is
// asked for only when the person allowed it.
async function eventContext(from, settings) {
  const rec = await getTab(from.tabId);
  const pageUrl = rec?.url || from.url;
  let pageTitle = null;
  if (settings.history.pageTitle) {
    try {
      const got = await chrome.tabs.sendMessage(from.tabId, { type: 'title' }, { frameId: 0 });
      if (got && typeof got.title === 'string' && got.title.trim()) pageTitle = got.title.trim().slice(0, 300);
    } catch {
      // No content script in the top frame: no title.
    }
  }
  // The meeting fingerprint's secret is made and kept by history-events.js in the history vault
  // (IndexedDB of the extension's origin), where no content script can read it, in Firefox too.
  return { pageUrl, pageTitle, meetingMode: settings.history.meeting, rec };
}

// History events per tab and site: a burst of 40, then 20 a minute (background/rate-limit.js).
// A real meeting stays far below; beyond it the events are dropped, not queued.
const eventLimit = makeLimiter({ burst: 40, perMinute: 20 });
const withinLimit = (from, events) => events.filter(() => eventLimit.allow(`${from.tabId}|${from.host || ''}`));

// Each activity the person is shown for the first time in a meeting: one finding_shown
// event (the card shows it when the card is on; the badge and popup always do). A reload, or
// the same notice again, is not shown again.
async function recordShown(from, entries, settings) {
  if (!settings.history.enabled) return;
  const ctx = await eventContext(from, settings);
  const events = [];
  // The entry's source says whether the history may quote it (history-events.js: never chat,
  // captions or the participant list); the tab id gives the tab its own share of the queue.
  for (const e of entries) events.push(await findingShownEvent(e.finding, { ...ctx, source: e.source }));
  await enqueue(withinLimit(from, events), { tabId: from.tabId });
}

async function recordEvents(from, choice, entries, settings) {
  const fresh = await markAnswered(from.tabId, choice, entries.map((e) => e.id));
  if (!fresh.length || !settings.history.enabled) return fresh.length;
  const ctx = await eventContext(from, settings);
  const events = [];
  for (const e of entries) if (fresh.includes(e.id)) events.push(await choiceEvent(choice, e.finding, { ...ctx, source: e.source }));
  // What was queued, not what was built: a rate-limited or repeated click is not "recorded".
  return enqueue(withinLimit(from, events), { tabId: from.tabId });
}

// A click in the meeting's own dialog answers the findings that dialog carried (its text
// holds their evidence); anything else, for example OK in a settings dialog, is not about a
// notice. A click that comes before its finding (the engine still starting after a worker
// restart) waits for it: no choice is lost to timing.
async function recordDialogChoice(from, choice, settings) {
  const rec = await getTab(from.tabId);
  const answered = findingsInDialog((rec?.entries || []).filter(countsNow), choice.context);
  if (!answered.length) {
    await addPending(from.tabId, { choice: choice.choice, context: choice.context });
    return { ok: true, recorded: 0, pending: true };
  }
  return { ok: true, recorded: await recordEvents(from, choice.choice, answered, settings) };
}

async function answerPending(from, turnedOn, settings) {
  const taken = await takePending(from.tabId, (p) => findingsInDialog(turnedOn, p.context).length > 0);
  for (const p of taken) await recordEvents(from, p.choice, findingsInDialog(turnedOn, p.context), settings);
}

// --- sites and meetings switched on and off ------------------------------------------------

async function setSite(siteId, on) {
  const settings = await loadSettings();
  settings.sites[siteId] = on;
  await saveSettings(settings);  // applySettings (storage.onChanged) tells the open tabs
}

async function tabsOf(siteIds) {
  const all = await chrome.storage.session.get(null);
  return Object.entries(all)
    .filter(([k, rec]) => k.startsWith('tab:') && siteIds.includes(rec?.site))
    .map(([k, rec]) => ({ tabId: Number(k.slice(4)), rec }));
}

async function applySettings(oldRaw, newRaw) {
  const settings = await loadSettings();
  const old = oldRaw && typeof oldRaw === 'object' ? oldRaw : {};
  const ids = SITES.map((s) => s.id);
  const changedSites = ids.filter((id) => (old.sites?.[id] !== false) !== siteOn(settings, id));
  const cardChanged = (old.card !== false) !== settings.card;
  const affected = cardChanged ? ids : changedSites;
  for (const { tabId, rec } of await tabsOf(affected)) {
    const enabled = siteOn(settings, rec.site);
    const gen = enabled ? rec.gen : await resetTab(tabId, { site: rec.site, url: rec.url, meeting: rec.meeting });
    try {
      await chrome.tabs.sendMessage(tabId, { type: 'state', enabled, card: settings.card, gen, view: await viewOf(tabId) });
    } catch {
      // The tab has no content script any more.
    }
  }
  return newRaw;
}

// --- the extension's own pages -----------------------------------------------------------

// The history page talks to the host through the background's one port, so the page's
// requests and the event queue share one connection and one diagnosis. The popup asks for
// a meeting to be muted or a site paused here, so it applies at once.
async function handlePage(message) {
  const msg = validatePageMessage(message);
  if (!msg.ok) return msg;
  const m = msg.value;
  if (m.type === 'tab-action') return tabAction(m.tabId, m.action);
  if (m.type === 'history-flush') {
    const delivered = await flushNow();
    return { ok: true, delivered, status: await statusReport() };
  }
  if (m.type === 'history-status') return { ok: true, status: await statusReport() };
  return request(m.request);
}

async function tabAction(tabId, action) {
  const rec = await getTab(tabId);
  if (!rec) return { ok: false, error: 'tab-action: consentlens is not watching that tab' };
  if (action === 'mute' || action === 'unmute') {
    await updateMeeting(tabId, { muted: action === 'mute' });
    await pushView(tabId);
  } else {
    await setSite(rec.site, action === 'resume');
  }
  return { ok: true, site: siteById(rec.site)?.label || rec.site };
}

async function statusReport() {
  const q = await readQueue();
  return { ...currentStatus(), queued: q.events.length, dropped: q.dropped, rejected: q.rejected };
}
